package org.dl4jsuite.common.model;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * What an image classifier's model zip records (lenet-mnist's, and any the attacks load): the dataset it was
 * trained on ("mnist", "fashion"), its class names in output order, and the image it takes
 * ({@code channels}×{@code height}×{@code width}), and the
 * standardisation its input had in training ({@code (pixel − inputMean) / inputStd}; null: pixels in [0,1] as they are).
 */
public record ImageModelFacts(String dataset, List<String> classNames, int channels, int height, int width,
                              Double inputMean, Double inputStd) {

    /** Facts of a network that takes pixels in [0,1] as they are. */
    public ImageModelFacts(String dataset, List<String> classNames, int channels, int height, int width) {
        this(dataset, classNames, channels, height, width, null, null);
    }

    public ImageModelFacts {
        if (dataset == null) {
            throw new SuiteException("no dataset");
        }
        if (classNames == null || classNames.isEmpty()) {
            throw new SuiteException("no class names");
        }
        classNames = List.copyOf(classNames);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new SuiteException("no image size (channels × height × width)");
        }
        if ((inputMean == null) != (inputStd == null) || (inputStd != null && !(inputStd > 0))) {
            throw new SuiteException("an input standardisation needs a mean and a positive std");
        }
    }

    /** Whether the network takes standardised pixels. */
    public boolean standardized() {
        return inputStd != null;
    }

    /** The network's input for pixels in [0,1]: standardised as in training (a new array), or {@code pixels}. */
    public org.nd4j.linalg.api.ndarray.INDArray input(org.nd4j.linalg.api.ndarray.INDArray pixels) {
        return standardized() ? pixels.sub(inputMean).divi(inputStd) : pixels;
    }
}
