package org.dl4jsuite.common.layers;

import org.dl4jsuite.common.shapes.ConvArithmetic;

/**
 * The geometry of one 2-D convolution or pooling window over an NCHW input: kernel, stride, symmetric padding and
 * dilation per axis, with output sizes from {@link ConvArithmetic}.
 */
public record ConvGeometry(int channels, int height, int width, int[] kernel, int[] stride, int[] padding,
        int[] dilation) {

    /** Output height. */
    public int outHeight() {
        return ConvArithmetic.outputSize(height, kernel[0], stride[0], padding[0], padding[0], dilation[0]);
    }

    /** Output width. */
    public int outWidth() {
        return ConvArithmetic.outputSize(width, kernel[1], stride[1], padding[1], padding[1], dilation[1]);
    }

    /** Rows of the column matrix: one per (channel, kernel row, kernel column). */
    public int patchSize() {
        return channels * kernel[0] * kernel[1];
    }

    /** Input row read by output row {@code oy} at kernel row {@code i} (may fall in the padding). */
    int inputRow(int oy, int i) {
        return oy * stride[0] - padding[0] + i * dilation[0];
    }

    /** Input column read by output column {@code ox} at kernel column {@code j} (may fall in the padding). */
    int inputColumn(int ox, int j) {
        return ox * stride[1] - padding[1] + j * dilation[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvGeometry g && channels == g.channels && height == g.height && width == g.width
                && java.util.Arrays.equals(kernel, g.kernel) && java.util.Arrays.equals(stride, g.stride)
                && java.util.Arrays.equals(padding, g.padding) && java.util.Arrays.equals(dilation, g.dilation);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width, java.util.Arrays.hashCode(kernel));
    }

    @Override
    public String toString() {
        return "ConvGeometry[" + channels + "x" + height + "x" + width + ", kernel " + java.util.Arrays.toString(kernel)
                + ", stride " + java.util.Arrays.toString(stride) + ", padding " + java.util.Arrays.toString(padding)
                + ", dilation " + java.util.Arrays.toString(dilation) + "]";
    }
}
