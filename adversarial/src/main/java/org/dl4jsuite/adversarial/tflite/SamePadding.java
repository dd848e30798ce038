package org.dl4jsuite.adversarial.tflite;

/**
 * TensorFlow's output size and padding along one axis for SAME and VALID windows: SAME gives
 * ceil(in / stride) outputs and pads max((out − 1)·stride + k_eff − in, 0), the smaller half before
 * (so stride-2 layers on even inputs pad only after), where k_eff = (k − 1)·dilation + 1.
 */
public record SamePadding(int output, int before, int after) {

    /** The geometry of a window of {@code kernel} (dilated by {@code dilation}) moved by {@code stride} over {@code input}. */
    public static SamePadding of(OperatorOptions.Padding mode, int input, int kernel, int stride, int dilation) {
        if (input <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0) {
            throw new IllegalArgumentException("input " + input + ", kernel " + kernel + ", stride " + stride
                    + " and dilation " + dilation + " must be positive");
        }
        int effective = (kernel - 1) * dilation + 1;
        if (mode == OperatorOptions.Padding.VALID) {
            if (effective > input) {
                throw new IllegalArgumentException("a VALID window of " + effective + " does not fit an input of " + input);
            }
            return new SamePadding((input - effective) / stride + 1, 0, 0);
        }
        int output = (input + stride - 1) / stride;
        int total = Math.max((output - 1) * stride + effective - input, 0);
        return new SamePadding(output, total / 2, total - total / 2);
    }

    /** Whether both sides are padded alike (DL4J's own padding fields can express it). */
    public boolean symmetric() {
        return before == after;
    }
}
