package org.dl4jsuite.adversarial.tflite;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** One tensor of a TFLite subgraph: its shape (NHWC for images), element type, constant data if any, quantization. */
public record TfliteTensor(int index, String name, int[] shape, TensorType type, ByteBuffer data, Quantization quantization) {

    /** Whether the file stores this tensor's values (weights, biases, shapes), not computes them. */
    public boolean constant() {
        return data.remaining() > 0;
    }

    /** Number of elements the shape describes (Long.MAX_VALUE when that overflows). */
    public long elements() {
        long n = 1;
        for (int d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** Name, type and shape as printed in messages. */
    public String describe() {
        return "tensor " + index + " '" + name + "' (" + type + " " + Arrays.toString(shape) + ")";
    }
}
