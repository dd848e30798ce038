package org.dl4jsuite.common.train;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * What an image classifier's model zip records (lenet-mnist's, and any the attacks load): the dataset it was
 * trained on ("mnist", "fashion"), its class names in output order, and the image it takes
 * ({@code channels}×{@code height}×{@code width}; 0 in zips written before the size was recorded).
 */
public record ImageModelFacts(String dataset, List<String> classNames, int channels, int height, int width) {

    public ImageModelFacts {
        if (dataset == null) {
            throw new SuiteException("no dataset");
        }
        if (classNames == null || classNames.isEmpty()) {
            throw new SuiteException("no class names");
        }
        classNames = List.copyOf(classNames);
    }

    /** Whether the zip records the input size (older ones leave it to the network's configuration). */
    public boolean hasInputSize() {
        return channels > 0 && height > 0 && width > 0;
    }
}
