package org.dl4jsuite.adversarial.tflite;

/**
 * A tensor's affine quantization: real = scale × (q − zero_point), one (scale, zero point) for the whole
 * tensor or one per index of {@code dimension} (per-axis, e.g. per output channel of a convolution).
 */
public record Quantization(float[] scale, long[] zeroPoint, int dimension) {

    /** No quantization parameters: values are stored as they are. */
    public static final Quantization NONE = new Quantization(new float[0], new long[0], 0);

    /** Whether this tensor carries quantization parameters. */
    public boolean present() {
        return scale.length > 0;
    }

    /** Whether there is one (scale, zero point) pair per index of {@link #dimension()}. */
    public boolean perAxis() {
        return scale.length > 1;
    }

    /** The zero point of channel {@code c} (TFLite allows it to be omitted, meaning 0). */
    public long zeroPointOf(int c) {
        return zeroPoint.length == 0 ? 0 : zeroPoint[zeroPoint.length == 1 ? 0 : c];
    }

    /** The scale of channel {@code c}. */
    public float scaleOf(int c) {
        return scale[scale.length == 1 ? 0 : c];
    }
}
