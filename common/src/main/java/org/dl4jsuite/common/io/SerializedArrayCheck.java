package org.dl4jsuite.common.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.shape.options.ArrayOptionsHelper;

/**
 * Checks an array serialised by {@code Nd4j.write} (a model zip's {@code coefficients.bin} and
 * {@code updaterState.bin}) without allocating it: two buffers, each a header (allocation mode, length, data
 * type) and its values; the first holds the shape information (rank, shape, strides, data type, element-wise
 * stride, order). The shape must be contiguous in its order, agree with the second buffer's length and type, and
 * that buffer's bytes must be exactly what is left. {@code Nd4j.read} trusts all of these, so a wrong length
 * asks it for any amount of memory and a wrong stride or type lets native code read outside the buffer.
 */
public final class SerializedArrayCheck {
    private static final int MAX_RANK = 32;

    private SerializedArrayCheck() {
    }

    /** The problem with the array in {@code in}, or null when {@code Nd4j.read} can read it safely; reads all of {@code in} up to {@code limit} bytes. */
    public static String problem(InputStream in, long limit) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            Header shapeHeader = Header.read(data);
            if (shapeHeader.type != DataType.LONG || shapeHeader.length < 4 || shapeHeader.length > 2 * MAX_RANK + 4) {
                return "its shape information is " + shapeHeader.length + " values of " + shapeHeader.type
                        + ", not the 4 to " + (2 * MAX_RANK + 4) + " LONG values ND4J writes";
            }
            long[] info = new long[(int) shapeHeader.length];
            for (int i = 0; i < info.length; i++) {
                info[i] = data.readLong();
            }
            String shapeProblem = shapeProblem(info);
            if (shapeProblem != null) {
                return shapeProblem;
            }
            Header valuesHeader = Header.read(data);
            if (valuesHeader.type == DataType.COMPRESSED || valuesHeader.type.width() <= 0
                    || valuesHeader.type == DataType.UTF8) {
                return "its values are of type " + valuesHeader.type + ", which ND4J cannot read back safely";
            }
            DataType declared;
            try {
                declared = ArrayOptionsHelper.dataType(info);
            } catch (RuntimeException e) {
                return "its shape information names no data type";
            }
            long length = length(info);
            if (declared != valuesHeader.type || valuesHeader.length != length) {
                return "its shape says " + length + " values of " + declared + " but its buffer holds "
                        + valuesHeader.length + " values of " + valuesHeader.type;
            }
            long expected = Math.multiplyExact(length, (long) valuesHeader.type.width());
            if (expected > limit) {
                return String.format("its %,d MB of values exceed half of this JVM's heap; raise -Xmx (in JAVA_OPTS)",
                        expected >> 20);
            }
            long actual = BoundedRead.count(in, expected);
            if (actual != expected) {
                return "its buffer should hold " + expected + " bytes but " + (actual > expected ? "more follow"
                        : "only " + actual + " do");
            }
            return null;
        } catch (EOFException e) {
            return "it ends inside its header";
        } catch (UTFDataFormatException | IllegalArgumentException | ArithmeticException e) {
            return "its header is damaged (" + e.getMessage() + ")";
        }
    }

    /** rank, shape, strides, extras, element-wise stride, order: consistent and contiguous. */
    private static String shapeProblem(long[] info) {
        long rank = info[0];
        if (rank < 0 || rank > MAX_RANK || info.length != 2 * rank + 4) {
            return "its shape information has rank " + rank + " in " + info.length + " values";
        }
        int r = (int) rank;
        long[] shape = Arrays.copyOfRange(info, 1, 1 + r);
        long[] strides = Arrays.copyOfRange(info, 1 + r, 1 + 2 * r);
        long ews = info[info.length - 2];
        char order = (char) info[info.length - 1];
        if (order != 'c' && order != 'f') {
            return "its order is " + info[info.length - 1] + ", neither 'c' nor 'f'";
        }
        long length = 1;
        for (long d : shape) {
            if (d <= 0 || length > Long.MAX_VALUE / 8 / d) {
                return "its shape " + Arrays.toString(shape) + " is empty, negative or too large";
            }
            length *= d;
        }
        if (length > Integer.MAX_VALUE) {
            return "its shape " + Arrays.toString(shape) + " has more than 2^31 values";
        }
        long expected = 1;
        for (int k = 0; k < r; k++) {
            int i = order == 'c' ? r - 1 - k : k;
            if (shape[i] > 1 && strides[i] != expected) {
                return "its strides " + Arrays.toString(strides) + " are not contiguous for shape "
                        + Arrays.toString(shape) + " in order " + order;
            }
            expected *= shape[i];
        }
        if (ews != 1 && !(ews == 0 && length == 1)) {
            return "its element-wise stride is " + ews + ", not 1";
        }
        return null;
    }

    private static long length(long[] info) {
        long length = 1;
        for (int i = 1; i <= info[0]; i++) {
            length *= info[i];
        }
        return length;
    }

    /** One buffer's header as {@code BaseDataBuffer.readHeader} reads it. */
    private record Header(long length, DataType type) {
        static Header read(DataInputStream in) throws IOException {
            DataBuffer.AllocationMode mode = DataBuffer.AllocationMode.valueOf(in.readUTF());
            long length = mode.ordinal() < DataBuffer.AllocationMode.LONG_SHAPE.ordinal() ? in.readInt() : in.readLong();
            DataType type = DataType.valueOf(in.readUTF());
            if (length < 0) {
                throw new IllegalArgumentException("negative length " + length);
            }
            return new Header(length, type);
        }
    }
}
