package org.dl4jsuite.common.sequence;

import java.io.Serializable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clipping of the global gradient norm over all parameters (PyTorch's {@code clip_grad_norm_}), which DL4J's
 * per-layer GradientNormalization cannot do: the gradient of the mean loss per example is scaled so its norm is at
 * most {@code maxNorm}. Serializable, for the workers of a distributed trainer.
 */
public final class GlobalNormClipping implements Serializable {
    private static final long serialVersionUID = 2L;

    private final double maxNorm;

    /** Clips the gradient of the per-example mean loss to a global norm of {@code maxNorm}. */
    public GlobalNormClipping(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("max norm must be positive, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * Scales {@code gradient}, summed over {@code batchSize} examples as DL4J's backward pass leaves it (its updater
     * divides by the batch afterwards), in place so that ‖gradient‖₂ / batchSize ≤ maxNorm; returns that norm before
     * clipping.
     */
    public double clip(INDArray gradient, long batchSize) {
        double norm = gradient.norm2Number().doubleValue() / batchSize;
        if (norm > maxNorm) {
            // g ← g · maxNorm / (‖g‖ + ε), the ε as in torch.nn.utils.clip_grad_norm_
            gradient.muli(maxNorm / (norm + 1e-6));
        }
        return norm;
    }

    public double maxNorm() {
        return maxNorm;
    }
}
