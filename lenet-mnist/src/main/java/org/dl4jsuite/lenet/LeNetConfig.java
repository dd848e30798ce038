package org.dl4jsuite.lenet;

import org.dl4jsuite.common.SuiteException;

/**
 * LeNet-5 training configuration. The defaults reproduce the reference assignment: Adam 1e-3,
 * batch 64, MNIST, 10 epochs, PyTorch's default weight initialisation.
 */
public record LeNetConfig(String dataset, int batchSize, double learningRate, int logEvery) {

    /** The reference defaults. */
    public static LeNetConfig defaults() {
        return new LeNetConfig("mnist", 64, 1e-3, 100);
    }

    /** Default number of epochs (a shared CLI option, so not part of the record). */
    public static final int EPOCHS = 10;

    public LeNetConfig {
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
