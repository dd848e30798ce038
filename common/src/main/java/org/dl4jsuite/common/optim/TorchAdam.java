package org.dl4jsuite.common.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam}, which the reference notebooks use. ND4J's Adam adds ε to
 * the uncorrected √v: its step is lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε), where PyTorch's is
 * lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε) = lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε·√(1−β₂ᵗ)). So this runs ND4J's own
 * fused Adam op with ε·√(1−β₂ᵗ) in place of ε. The difference matters where gradients are tiny early in
 * training (ND4J's effective ε is 32× PyTorch's at the first step): on the char-LSTM it made DL4J's loss 0.02–0.06
 * higher than PyTorch's from the same weights after the first epoch.
 */
public class TorchAdam extends Adam {

    /** PyTorch's defaults: lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8. */
    public TorchAdam() {
        super();
    }

    /** PyTorch's defaults with learning rate {@code learningRate}. */
    public TorchAdam(double learningRate) {
        super(learningRate);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        updater.setStateViewArray(flat, new long[] {flat.length() / 2}, flat.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public TorchAdam clone() {
        TorchAdam copy = new TorchAdam(getLearningRate());
        copy.setLearningRateSchedule(getLearningRateSchedule());
        copy.setBeta1(getBeta1());
        copy.setBeta2(getBeta2());
        copy.setEpsilon(getEpsilon());
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TorchAdam && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    /** ND4J's Adam state and op, with the bias-corrected ε of step t = iteration + 1. */
    public static final class Updater extends AdamUpdater {
        Updater(TorchAdam config) {
            super(config);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            if (getM() == null || getV() == null) {
                throw new IllegalStateException("Updater has not been initialized with view state");
            }
            Adam config = getConfig();
            double epsilon = config.getEpsilon() * Math.sqrt(1 - Math.pow(config.getBeta2(), iteration + 1));
            Nd4j.exec(new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(gradient.reshape(getV().shape()), getV(), getM(),
                    config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(), epsilon, iteration));
        }
    }
}
