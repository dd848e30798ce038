package org.dl4jsuite.common.classifier;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A differentiable classifier of pixel arrays in [0,1], seen the way attacks need it (inference mode). */
public interface Classifier {

    /** Class names in output order. */
    List<String> classNames();

    /** Class probabilities [n, classes] for inputs [n, ...]. */
    INDArray probabilities(INDArray pixels);

    /** ∂/∂x of each example's cross-entropy to the one-hot (or any) {@code labels} [n, classes]: shape of {@code pixels}. */
    INDArray lossGradient(INDArray pixels, INDArray labels);

    /** The probabilities at {@code pixels} and the loss gradient there, as one forward pass computes both. */
    record ProbabilitiesAndGradient(INDArray probabilities, INDArray gradient) {
    }

    /**
     * {@link #probabilities} and {@link #lossGradient} at the same pixels. Attacks that check the class before each
     * step call this: a classifier that reads the probabilities off its gradient pass saves a forward pass.
     */
    default ProbabilitiesAndGradient probabilitiesAndGradient(INDArray pixels, INDArray labels) {
        return new ProbabilitiesAndGradient(probabilities(pixels), lossGradient(pixels, labels));
    }

    /**
     * ∂/∂x of ⟨g, z⟩ for logits z and a given logit gradient g [n, classes] whose rows sum to 0. The softmax
     * cross-entropy gradient w.r.t. the logits is p − y, so labels y = p − g give exactly g.
     */
    default INDArray logitGradient(INDArray pixels, INDArray probabilities, INDArray dLogits) {
        return lossGradient(pixels, probabilities.sub(dLogits));
    }
}
