package org.dl4jsuite.common.sequence;

import java.io.Serializable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-token mean over a window of {@code timeSteps} tokens, the one place the suite divides by the window's
 * length. DL4J's RNN losses sum over the time steps where the PyTorch references average, so without it the
 * updater sees a gradient T times PyTorch's. Adam ignores the gradient's scale except through ε, and a T-times-
 * smaller relative ε lets parameters with near-zero gradients take full-size steps: on the char-LSTM (T = 100)
 * that alone made DL4J's training leave PyTorch's after the first epoch. Divided, DL4J's losses equal PyTorch's
 * step for step. Serializable, for the workers of a distributed trainer.
 */
public record TokenMean(int timeSteps) implements Serializable {
    public TokenMean {
        if (timeSteps <= 0) {
            throw new IllegalArgumentException("time steps must be positive, got " + timeSteps);
        }
    }

    /** The per-token loss of a loss summed over the window's time steps. */
    public double loss(double summed) {
        return summed / timeSteps;
    }

    /** Makes {@code gradient}, of a loss summed over the window's time steps, that of the per-token mean, in place. */
    public void scale(INDArray gradient) {
        if (timeSteps > 1) {
            gradient.divi(timeSteps);
        }
    }
}
