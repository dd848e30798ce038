package org.dl4jsuite.adversarial;

import java.util.Arrays;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How RGB pixels in [0,1] become a network's input, per channel: input_c = scale_c × pixel_c' + offset_c,
 * where c' = c, or the reversed order when {@code bgr} (networks trained on OpenCV's B, G, R order).
 * For a quantized TFLite input this is its uint8 encoding (q = 255 × pixel) followed by its dequantization,
 * so both numbers come from the file; attacks then still measure perturbations in pixels.
 */
public record InputScaling(double[] scale, double[] offset, boolean bgr) {

    public InputScaling {
        if (scale.length != offset.length || scale.length == 0) {
            throw new SuiteException("input scaling needs one scale and one offset per channel, got "
                    + scale.length + " and " + offset.length);
        }
        for (double s : scale) {
            if (!(s != 0 && Double.isFinite(s))) {
                throw new SuiteException("input scale " + s + " must be finite and non-zero");
            }
        }
    }

    /** The same affine map for every one of {@code channels} channels, in RGB order. */
    public static InputScaling uniform(int channels, double scale, double offset) {
        double[] s = new double[channels];
        double[] o = new double[channels];
        Arrays.fill(s, scale);
        Arrays.fill(o, offset);
        return new InputScaling(s, o, false);
    }

    /** The network input for pixels [n, c, h, w] (a new array). */
    public INDArray apply(INDArray pixels) {
        return ordered(pixels).mul(column(scale, pixels)).addi(column(offset, pixels));
    }

    /** ∂loss/∂pixel from ∂loss/∂input (the chain rule through the affine map and the channel order). */
    public INDArray backpropagate(INDArray inputGradient) {
        return ordered(inputGradient.mul(column(scale, inputGradient)));
    }

    /** The channels reversed when {@code bgr} (reversal is its own inverse), else the array itself. */
    private INDArray ordered(INDArray x) {
        if (!bgr) {
            return x;
        }
        long c = x.size(1);
        INDArray[] channels = new INDArray[(int) c];
        for (int i = 0; i < c; i++) {
            channels[i] = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(c - 1 - i, c - i),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all());
        }
        return Nd4j.concat(1, channels);
    }

    private INDArray column(double[] values, INDArray like) {
        if (like.rank() != 4 || like.size(1) != values.length) {
            throw new IllegalArgumentException("expected [n, " + values.length + ", h, w], got " + Arrays.toString(like.shape()));
        }
        return Nd4j.create(values, new long[] {1, values.length, 1, 1}, like.dataType());
    }
}
