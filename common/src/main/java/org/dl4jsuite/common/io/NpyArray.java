package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One NumPy {@code .npy} array (format versions 1–3): the magic, the header dict ({@code descr},
 * {@code fortran_order}, {@code shape}) and exactly shape × item size bytes of data, all checked before
 * anything is allocated. Numbers, booleans and both byte orders; no object or string arrays.
 */
public final class NpyArray {
    /** The most dimensions an array may have (ND4J's own limit is 32). */
    static final int MAX_RANK = 32;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([fiub])([1248])");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^()]*)\\)");

    private NpyArray() {
    }

    /** Parses {@code bytes} (a whole .npy file; {@code what} names it in messages) into an array. */
    public static INDArray parse(byte[] bytes, String what) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Header h = header(in, bytes.length, what);
        in.order(h.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return h.toArray(in.slice().order(in.order()), (int) h.items(what));
    }

    /**
     * Reads a whole .npy file of {@code length} bytes from {@code in}, a length already checked against the file it
     * comes from. Little-endian float32 data (weights) goes straight into the array's native memory, with no copy on
     * the Java heap; anything else (and a scalar) is read whole and {@link #parse}d.
     */
    public static INDArray read(InputStream in, int length, String what) throws IOException {
        byte[] prelude = in.readNBytes(Math.min(length, MAGIC.length + 6));
        ByteBuffer start = ByteBuffer.wrap(prelude).order(ByteOrder.LITTLE_ENDIAN);
        int headerEnd = headerEnd(start, length, what);
        byte[] head = Arrays.copyOf(prelude, headerEnd);
        int more = headerEnd - prelude.length;
        if (more > 0 && in.readNBytes(head, prelude.length, more) != more) {
            throw refuse(what, "ends inside its header");
        }
        ByteBuffer headBuffer = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        Header h = header(headBuffer, length, what);
        if (h.kind != 'f' || h.itemSize != 4 || h.bigEndian || h.shape.length == 0
                || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            byte[] whole = Arrays.copyOf(head, length);
            if (in.readNBytes(whole, head.length, length - head.length) != length - head.length) {
                throw refuse(what, "ends before its data does");
            }
            return parse(whole, what);
        }
        long items = h.items(what);
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, h.shape, h.fortran ? 'f' : 'c');
        ByteBuffer target = array.data().asNio().order(ByteOrder.LITTLE_ENDIAN);
        byte[] chunk = new byte[1 << 20];
        long left = items * Float.BYTES;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                array.close();
                throw refuse(what, "ends before its data does");
            }
            target.put(chunk, 0, n);
            left -= n;
        }
        return array;
    }

    /** Where the header of a .npy file of {@code length} bytes ends, read from its magic, version and header length. */
    private static int headerEnd(ByteBuffer in, long length, String what) {
        byte[] magic = new byte[Math.min(MAGIC.length, in.remaining())];
        in.get(magic);
        if (length < MAGIC.length + 4 || !Arrays.equals(magic, MAGIC)) {
            throw refuse(what, "does not start with NumPy's .npy magic \\x93NUMPY");
        }
        int major = in.get() & 0xff;
        in.get();
        long headerLength;
        if (major == 1) {
            headerLength = in.getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            if (in.remaining() < 4) {
                throw refuse(what, "ends inside its header");
            }
            headerLength = in.getInt() & 0xffffffffL;
        } else {
            throw refuse(what, "has .npy format version " + major + "; versions 1 to 3 are read");
        }
        if (headerLength > length - in.position()) {
            throw refuse(what, "declares a " + headerLength + "-byte header but has only " + (length - in.position())
                    + " bytes left");
        }
        return (int) (in.position() + headerLength);
    }

    /** Reads the magic, version and header dict from {@code in}, checking that the data fills the file's {@code length} bytes. */
    private static Header header(ByteBuffer in, long length, String what) {
        int end = headerEnd(in, length, what);
        String header = new String(in.array(), in.position(), end - in.position(), StandardCharsets.UTF_8);
        if (!header.endsWith("\n")) {
            throw refuse(what, "has a header that does not end with a newline");
        }
        in.position(end);
        Header h = Header.parse(header, what);
        long dataBytes = Math.multiplyExact(h.items(what), h.itemSize);
        if (dataBytes != length - end) {
            throw refuse(what, "declares shape " + Arrays.toString(h.shape) + " of " + h.itemSize
                    + "-byte items (" + dataBytes + " bytes) but holds " + (length - end) + " bytes of data");
        }
        return h;
    }

    private static SuiteException refuse(String what, String problem) {
        return new SuiteException(what + " is not a readable .npy array: it " + problem
                + "; write it with numpy.save or numpy.savez");
    }

    /** The header dict's three keys. */
    private record Header(char kind, int itemSize, boolean bigEndian, boolean fortran, long[] shape) {

        static Header parse(String header, String what) {
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shape = SHAPE.matcher(header);
            if (!header.startsWith("{") || !descr.find() || !fortran.find() || !shape.find()) {
                throw refuse(what, "has no header dict with 'descr', 'fortran_order' and 'shape'");
            }
            Matcher type = TYPE.matcher(descr.group(1));
            if (!type.matches() || !List.of("f4", "f8", "i1", "i2", "i4", "i8", "u1", "b1")
                    .contains(type.group(2) + type.group(3))) {
                throw refuse(what, "holds dtype '" + descr.group(1)
                        + "'; readable: float32/64, int8/16/32/64, uint8, bool");
            }
            return new Header(type.group(2).charAt(0), Integer.parseInt(type.group(3)), type.group(1).equals(">"),
                    fortran.group(1).equals("True"), dimensions(shape.group(1), what));
        }

        private static long[] dimensions(String tuple, String what) {
            List<Long> dims = new ArrayList<>();
            for (String part : tuple.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    dims.add(Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p));
                } catch (NumberFormatException e) {
                    throw refuse(what, "has a shape entry '" + p + "' that is not a whole number");
                }
                if (dims.size() > MAX_RANK) {
                    throw refuse(what, "has more than " + MAX_RANK + " dimensions");
                }
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        /** shape's product, checked to be positive and to fit one Java array. */
        long items(String what) {
            long items = 1;
            for (long d : shape) {
                if (d <= 0) {
                    throw refuse(what, "has shape " + Arrays.toString(shape) + "; every dimension must be positive");
                }
                if (items > Integer.MAX_VALUE / d) {
                    throw refuse(what, "has shape " + Arrays.toString(shape) + ", more than 2^31 items");
                }
                items *= d;
            }
            return items;
        }

        INDArray toArray(ByteBuffer data, int items) {
            INDArray flat = switch (kind) {
                case 'f' -> itemSize == 4 ? floats(data, items) : doubles(data, items);
                case 'b' -> Nd4j.createFromArray(booleans(data, items));
                default -> integers(data, items);
            };
            return shape.length == 0 ? flat.reshape() : flat.reshape(fortran ? 'f' : 'c', shape);
        }

        private static INDArray floats(ByteBuffer data, int items) {
            float[] values = new float[items];
            data.asFloatBuffer().get(values);
            return Nd4j.createFromArray(values);
        }

        private static INDArray doubles(ByteBuffer data, int items) {
            double[] values = new double[items];
            data.asDoubleBuffer().get(values);
            return Nd4j.createFromArray(values);
        }

        private static boolean[] booleans(ByteBuffer data, int items) {
            boolean[] values = new boolean[items];
            for (int i = 0; i < items; i++) {
                values[i] = data.get(i) != 0;
            }
            return values;
        }

        private INDArray integers(ByteBuffer data, int items) {
            return switch (itemSize) {
                case 1 -> {
                    byte[] values = new byte[items];
                    data.get(values);
                    if (kind == 'i') {
                        yield Nd4j.createFromArray(values);
                    }
                    int[] unsigned = new int[items];
                    for (int i = 0; i < items; i++) {
                        unsigned[i] = values[i] & 0xff;
                    }
                    yield Nd4j.createFromArray(unsigned).castTo(DataType.UBYTE);
                }
                case 2 -> {
                    short[] values = new short[items];
                    data.asShortBuffer().get(values);
                    yield Nd4j.createFromArray(values);
                }
                case 4 -> {
                    int[] values = new int[items];
                    data.asIntBuffer().get(values);
                    yield Nd4j.createFromArray(values);
                }
                default -> {
                    long[] values = new long[items];
                    data.asLongBuffer().get(values);
                    yield Nd4j.createFromArray(values);
                }
            };
        }
    }
}
