package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A classifier of a network whose input is an affine map of pixels ({@link InputScaling}), seen in pixels. */
public final class ScaledInputClassifier implements Classifier {
    private final Classifier network;
    private final InputScaling scaling;

    public ScaledInputClassifier(Classifier network, InputScaling scaling) {
        this.network = network;
        this.scaling = scaling;
    }

    @Override
    public List<String> classNames() {
        return network.classNames();
    }

    @Override
    public INDArray probabilities(INDArray pixels) {
        return network.probabilities(scaling.apply(pixels));
    }

    @Override
    public INDArray lossGradient(INDArray pixels, INDArray labels) {
        return scaling.backpropagate(network.lossGradient(scaling.apply(pixels), labels));
    }

    @Override
    public ProbabilitiesAndGradient probabilitiesAndGradient(INDArray pixels, INDArray labels) {
        ProbabilitiesAndGradient scaled = network.probabilitiesAndGradient(scaling.apply(pixels), labels);
        return new ProbabilitiesAndGradient(scaled.probabilities(), scaling.backpropagate(scaled.gradient()));
    }
}
