package org.dl4jsuite.common.shapes;

import org.dl4jsuite.common.SuiteException;

/** The output-size arithmetic of convolution and pooling along one spatial axis (DL4J's truncate mode). */
public final class ConvArithmetic {

    private ConvArithmetic() {}

    /**
     * Output length {@code floor((in + padBefore + padAfter - dilation·(kernel - 1) - 1) / stride) + 1}; throws
     * SuiteException when an argument is out of range or the kernel does not fit the padded input.
     */
    public static int outputSize(int in, int kernel, int stride, int padBefore, int padAfter, int dilation) {
        if (in <= 0 || kernel <= 0 || stride <= 0 || dilation <= 0 || padBefore < 0 || padAfter < 0) {
            throw new SuiteException("Invalid convolution arguments " + describe(in, kernel, stride, padBefore, padAfter, dilation)
                    + ": input, kernel, stride and dilation must be positive and padding must not be negative.");
        }
        long effectiveKernel = (long) dilation * (kernel - 1) + 1;
        long span = (long) in + padBefore + padAfter - effectiveKernel;
        if (span < 0) {
            throw new SuiteException("Kernel does not fit: " + describe(in, kernel, stride, padBefore, padAfter, dilation)
                    + " gives an effective kernel of " + effectiveKernel + " over a padded input of "
                    + ((long) in + padBefore + padAfter) + ". Use a smaller kernel or dilation, more padding, or a larger input.");
        }
        // span >= 0 here, so integer division is the floor the formula asks for.
        return (int) (span / stride + 1);
    }

    /** Output length with the same padding on both sides and no dilation, the common case. */
    public static int outputSize(int in, int kernel, int stride, int padding) {
        return outputSize(in, kernel, stride, padding, padding, 1);
    }

    private static String describe(int in, int kernel, int stride, int padBefore, int padAfter, int dilation) {
        return "(input " + in + ", kernel " + kernel + ", stride " + stride + ", padding " + padBefore + "+" + padAfter
                + ", dilation " + dilation + ")";
    }
}
