package org.dl4jsuite.adversarial.tflite;

import java.nio.ByteBuffer;
import org.dl4jsuite.common.SuiteException;

/**
 * A constant tensor's values as floats in the file's row-major order: quantized values dequantized as
 * scale × (q − zero_point), with one pair per tensor or one per index of the quantized dimension.
 */
public final class TensorValues {

    private TensorValues() {
    }

    /** The dequantized values of {@code tensor} (from {@code source}, named in messages). */
    public static float[] floats(TfliteTensor tensor, String source) {
        long n = tensor.elements();
        TensorType type = tensor.type();
        if (type.bytes() == 0 || n > Integer.MAX_VALUE || n * type.bytes() != tensor.data().remaining()) {
            throw new SuiteException(source + ": " + tensor.describe() + " holds " + tensor.data().remaining()
                    + " bytes, not " + n + " values of " + type);
        }
        ByteBuffer data = tensor.data().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Quantization q = tensor.quantization();
        int[] shape = tensor.shape();
        int channels = 1;
        int stride = 1;
        if (q.perAxis()) {
            int dim = q.dimension();
            if (dim < 0 || dim >= shape.length || shape[dim] != q.scale().length
                    || (q.zeroPoint().length != 0 && q.zeroPoint().length != 1 && q.zeroPoint().length != q.scale().length)) {
                throw new SuiteException(source + ": " + tensor.describe() + " has " + q.scale().length
                        + " scales along dimension " + dim + ", which does not match its shape");
            }
            channels = shape[dim];
            for (int d = dim + 1; d < shape.length; d++) {
                stride *= shape[d];
            }
        } else if (q.present() && q.zeroPoint().length > 1) {
            throw new SuiteException(source + ": " + tensor.describe() + " has one scale but " + q.zeroPoint().length
                    + " zero points");
        }
        float[] out = new float[(int) n];
        for (int i = 0; i < out.length; i++) {
            double raw = switch (type) {
                case FLOAT32 -> data.getFloat(4 * i);
                case FLOAT16 -> halfToFloat(data.getShort(2 * i));
                case UINT8 -> data.get(i) & 0xff;
                case INT8 -> data.get(i);
                case INT16 -> data.getShort(2 * i);
                case INT32 -> data.getInt(4 * i);
                default -> throw new SuiteException(source + ": " + tensor.describe()
                        + " is of a type the importer cannot read as weights (it reads FLOAT32, FLOAT16, UINT8, INT8, INT16, INT32)");
            };
            if (q.present() && type != TensorType.FLOAT32 && type != TensorType.FLOAT16) {
                int c = channels == 1 ? 0 : (i / stride) % channels;
                raw = q.scaleOf(c) * (raw - q.zeroPointOf(c));
            }
            out[i] = (float) raw;
        }
        return out;
    }

    /** IEEE 754 half precision to single. */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            return (sign != 0 ? -1 : 1) * mantissa * 0x1p-24f;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
