package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** The shared {@code --resize crop|direct} option for ImageNet photos. */
public final class ResizeOption {
    @Option(names = "--resize", paramLabel = "MODE",
            description = "crop: shorter side to 256, centre 224 crop (torchvision); direct: straight to 224x224 (the reference). Default: crop")
    String resize = "crop";

    /** The chosen mode; an unknown name is a user error. */
    public ImageNetPreprocessor.Resize mode() {
        return switch (resize) {
            case "crop" -> ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP;
            case "direct" -> ImageNetPreprocessor.Resize.DIRECT;
            default -> throw new SuiteException("--resize must be crop or direct, got '" + resize + "'");
        };
    }

    /** The preprocessor for 224 crops. */
    public ImageNetPreprocessor preprocessor() {
        return new ImageNetPreprocessor(mode(), 256, 224);
    }
}
