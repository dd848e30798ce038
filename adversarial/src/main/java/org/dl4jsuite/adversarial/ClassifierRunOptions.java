package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.cli.ImplementationOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every command that runs a classifier on images shares (classify, attack, bench attack): how photos
 * are resized to the network's input, where the data is (ImageNet class names, test sets), which layers run.
 */
public final class ClassifierRunOptions {
    @Option(names = "--resize", paramLabel = "MODE",
            description = "crop: shorter side to 8/7 of the input size, then the central crop (torchvision's 256/224, TF-slim's 0.875); "
                    + "direct: straight to the input size (the reference). Default: crop")
    String resize = "crop";

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    ImplementationOption impl = new ImplementationOption();

    /** Selects the {@code --impl} layers and starts ND4J with {@code threads} (0: all cores); returns its summary line. */
    public String start(int threads) {
        impl.select();
        return ComputeBackend.initialise(threads).summary();
    }

    /** The {@code --resize} mode; an unknown name is a user error. */
    public ImageNetPreprocessor.Resize resize() {
        return switch (resize) {
            case "crop" -> ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP;
            case "direct" -> ImageNetPreprocessor.Resize.DIRECT;
            default -> throw new SuiteException("--resize must be crop or direct, got '" + resize + "'");
        };
    }

    /** The {@code --data-dir} folder, or null. */
    public Path dataDir() {
        return data.dataDir();
    }
}
