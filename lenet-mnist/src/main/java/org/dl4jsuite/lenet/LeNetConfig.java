package org.dl4jsuite.lenet;

import org.dl4jsuite.common.SuiteException;

/**
 * LeNet-5 training configuration. The defaults reproduce the reference assignment: Adam 1e-3,
 * batch 64, MNIST, 10 epochs, PyTorch's default weight initialisation, DL4J's own layers.
 * {@code layers} is "dl4j" (DL4J's layers) or "handwritten" (the hand-derived layers of common).
 */
public record LeNetConfig(String dataset, int batchSize, double learningRate, int logEvery, String layers) {

    /** The reference defaults. */
    public static LeNetConfig defaults() {
        return new LeNetConfig("mnist", 64, 1e-3, 100, DL4J_LAYERS);
    }

    /** {@code --layers} value for DL4J's own layers (the reference). */
    public static final String DL4J_LAYERS = "dl4j";
    /** {@code --layers} value for the hand-derived layers of {@code org.dl4jsuite.common.layers}. */
    public static final String HANDWRITTEN_LAYERS = "handwritten";

    /** The same configuration with {@code layers} in place of this one's. */
    public LeNetConfig withLayers(String layers) {
        return new LeNetConfig(dataset, batchSize, learningRate, logEvery, layers);
    }

    /** Whether the network is built from the hand-derived layers. */
    public boolean handwritten() {
        return HANDWRITTEN_LAYERS.equals(layers);
    }

    /** Default number of epochs (a shared CLI option, so not part of the record). */
    public static final int EPOCHS = 10;

    public LeNetConfig {
        if (layers == null) {
            layers = DL4J_LAYERS; // config.json of runs written before --layers existed
        }
        if (!DL4J_LAYERS.equals(layers) && !HANDWRITTEN_LAYERS.equals(layers)) {
            throw new SuiteException("--layers must be dl4j or handwritten, got '" + layers + "'");
        }
        if (!"mnist".equals(dataset) && !"fashion".equals(dataset)) {
            throw new SuiteException("--dataset must be mnist or fashion, got '" + dataset + "'");
        }
        if (batchSize <= 0) {
            throw new SuiteException("--batch-size must be positive, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SuiteException("--lr must be a positive number, got " + learningRate);
        }
        if (logEvery <= 0) {
            throw new SuiteException("--log-every must be positive, got " + logEvery);
        }
    }
}
