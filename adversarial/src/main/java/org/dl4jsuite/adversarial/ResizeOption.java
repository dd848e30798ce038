package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** The shared {@code --resize crop|direct} option for ImageNet photos. */
public final class ResizeOption {
    @Option(names = "--resize", paramLabel = "MODE",
            description = "crop: shorter side to 8/7 of the input size, then the central crop (torchvision's 256/224, TF-slim's 0.875); "
                    + "direct: straight to the input size (the reference). Default: crop")
    String resize = "crop";

    /** The chosen mode; an unknown name is a user error. */
    public ImageNetPreprocessor.Resize mode() {
        return switch (resize) {
            case "crop" -> ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP;
            case "direct" -> ImageNetPreprocessor.Resize.DIRECT;
            default -> throw new SuiteException("--resize must be crop or direct, got '" + resize + "'");
        };
    }
}
