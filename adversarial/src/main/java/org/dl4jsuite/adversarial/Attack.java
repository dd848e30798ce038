package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An adversarial attack on a batch of pixel arrays in [0,1]; its output always stays in [0,1]. */
public interface Attack {

    /** A short name for tables, e.g. {@code pgd-linf}. */
    String name();

    /**
     * Attacks {@code pixels} [n, ...] whose true classes are {@code labels}; with {@code targets} (one per
     * example) it pushes each example towards its target class, without (null) away from its label.
     */
    Result run(Classifier model, INDArray pixels, int[] labels, int[] targets);

    /** The adversarial batch and, per example, the iterations used (to success, or all of them). */
    record Result(INDArray adversarial, int[] iterations) {
    }
}
