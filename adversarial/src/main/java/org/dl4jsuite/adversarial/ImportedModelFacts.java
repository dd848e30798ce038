package org.dl4jsuite.adversarial;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * What an imported classifier's model zip records beside the network: where it came from, the image size it
 * takes, how pixels become its input, and its class names in output order. {@code operators} and
 * {@code fileClasses} describe a TFLite source (0 for a zoo model).
 */
public record ImportedModelFacts(String description, String source, String sha256, int operators, int fileClasses,
                                 boolean backgroundDropped, int inputChannels, int inputHeight, int inputWidth,
                                 double[] inputScale, double[] inputOffset, boolean inputBgr, List<String> classNames) {

    public ImportedModelFacts {
        if (classNames == null || classNames.isEmpty()) {
            throw new SuiteException("no class names");
        }
        if (inputChannels <= 0 || inputHeight <= 0 || inputWidth <= 0) {
            throw new SuiteException("no input size");
        }
        if (inputScale == null || inputOffset == null) {
            throw new SuiteException("no input scaling");
        }
        classNames = List.copyOf(classNames);
    }

    /** The facts of a network taking {@code channels}×{@code height}×{@code width} images scaled by {@code scaling}. */
    public static ImportedModelFacts of(String description, String source, String sha256, int operators,
                                        int fileClasses, boolean backgroundDropped, int channels, int height, int width,
                                        InputScaling scaling, List<String> classNames) {
        return new ImportedModelFacts(description, source, sha256, operators, fileClasses, backgroundDropped, channels,
                height, width, scaling.scale(), scaling.offset(), scaling.bgr(), classNames);
    }

    /** How RGB pixels in [0,1] become the network's input. */
    public InputScaling scaling() {
        return new InputScaling(inputScale, inputOffset, inputBgr);
    }
}
