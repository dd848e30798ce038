package org.dl4jsuite.common.sequence;

import java.io.Serializable;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clipping of the global gradient norm over all parameters (PyTorch's clip_grad_norm_), which
 * DL4J's per-layer GradientNormalization cannot do. As a listener it runs in
 * {@code onGradientCalculation}, which DL4J's BaseOptimizer.gradientAndScore calls after the
 * backward pass and before the updater, and rescales the model's flattened gradient view in place.
 *
 * <p>It first divides the gradient by the window's time steps. DL4J's RNN losses sum over the time steps
 * where the PyTorch references average, so without this the updater sees a gradient T times PyTorch's.
 * Adam ignores the gradient's scale except through ε, and a T-times-smaller relative ε lets parameters with
 * near-zero gradients take full-size steps: on the char-LSTM (T = 100) that alone made DL4J's training leave
 * PyTorch's after the first epoch (one stream's first window from a zero state at 5.5 nats/char instead of
 * 2.6). With the division, DL4J's losses equal PyTorch's step for step.
 *
 * <p>It is {@link Serializable}: a distributed trainer (dl4j-spark's workers) receives its listeners serialised
 * and attaches a copy to each worker's network, so the workers' updates are clipped as the driver's would be.
 */
public final class GlobalNormClipping extends BaseTrainingListener implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double maxNorm;
    private final int timeSteps;
    private volatile double lastNorm = Double.NaN;

    /**
     * Clips to {@code maxNorm} the gradient of the mean loss per example and time step, as the
     * PyTorch references do. At this hook DL4J's gradient is summed over the minibatch (its updater
     * divides by the minibatch size afterwards) and, for RNN output layers, over the
     * {@code timeSteps} of a window (1 for feed-forward networks). The gradient is divided by
     * {@code timeSteps} in place, its norm measured divided by the minibatch size too, and the clipping
     * factor applied.
     */
    public GlobalNormClipping(double maxNorm, int timeSteps) {
        if (!(maxNorm > 0) || timeSteps <= 0) {
            throw new IllegalArgumentException("max norm and time steps must be positive, got " + maxNorm + ", "
                    + timeSteps);
        }
        this.maxNorm = maxNorm;
        this.timeSteps = timeSteps;
    }

    /** Scales {@code gradient} in place so that ‖gradient‖₂ / scale ≤ maxNorm; returns the norm / scale before clipping. */
    public static double clipInPlace(INDArray gradient, double maxNorm, double scale) {
        double norm = gradient.norm2Number().doubleValue() / scale;
        if (norm > maxNorm) {
            // g ← g · maxNorm / (‖g‖ + ε), the ε as in torch.nn.utils.clip_grad_norm_
            gradient.muli(maxNorm / (norm + 1e-6));
        }
        return norm;
    }

    /** The gradient norm of the per-example, per-step mean loss before clipping at the last step; NaN before the first. */
    public double lastNorm() {
        return lastNorm;
    }

    @Override
    public void onGradientCalculation(Model model) {
        INDArray gradient = model.gradient().gradient();
        if (timeSteps > 1) {
            gradient.divi(timeSteps);
        }
        lastNorm = clipInPlace(gradient, maxNorm, model.batchSize());
    }
}
