package org.dl4jsuite.distributed;

import java.io.Serializable;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.TokenMean;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The language model's per-token mean and global-norm clipping on a distributed trainer's workers, which train with
 * DL4J's own {@code fit}: a DL4J listener (dl4j-spark sends it serialised and attaches a copy to each worker's
 * network) that scales and clips the gradient in {@code onGradientCalculation}, after the backward pass and before
 * the updater, as the single machine's step does.
 */
public final class WorkerClipping extends BaseTrainingListener implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TokenMean perToken;
    private final GlobalNormClipping clipping;

    public WorkerClipping(TokenMean perToken, GlobalNormClipping clipping) {
        this.perToken = perToken;
        this.clipping = clipping;
    }

    @Override
    public void onGradientCalculation(Model model) {
        INDArray gradient = model.gradient().gradient();
        perToken.scale(gradient);
        clipping.clip(gradient, model.batchSize());
    }
}
