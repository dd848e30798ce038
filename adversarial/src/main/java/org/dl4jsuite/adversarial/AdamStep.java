package org.dl4jsuite.adversarial;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam on one array (PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8), as the reference optimised the input. */
final class AdamStep {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final INDArray m;
    private final INDArray v;
    private int t;

    AdamStep(double learningRate, INDArray like) {
        this.learningRate = learningRate;
        this.m = like.ulike().assign(0);
        this.v = like.ulike().assign(0);
    }

    /**
     * The update to subtract for gradient g: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
     * Δ = lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
     */
    INDArray update(INDArray gradient) {
        t++;
        m.muli(BETA1).addi(gradient.mul(1 - BETA1));
        v.muli(BETA2).addi(gradient.mul(gradient).muli(1 - BETA2));
        INDArray mHat = m.div(1 - Math.pow(BETA1, t));
        INDArray vHat = v.div(1 - Math.pow(BETA2, t));
        return mHat.divi(Transforms.sqrt(vHat, false).addi(EPSILON)).muli(learningRate);
    }
}
