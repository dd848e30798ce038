package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.images.GrayscaleImageReader;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code predict}: classifies image files (any size or colour) with a saved model. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Classify PNG/JPEG images (converted to 28x28 grayscale, light-on-dark like MNIST).")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--top", description = "How many classes to list per image.")
    int top = 3;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files.")
    List<Path> images;

    @Override
    public Integer call() {
        ComputeBackend.initialise(0);
        LeNetModelFiles.Loaded loaded = LeNetModelFiles.load(model.path());
        if (loaded.variant().channels() != 1) {
            throw new SuiteException(model.path() + " was trained on " + loaded.variant().option()
                    + "; predict reads grayscale digits and clothes (mnist, fashion); use evaluate for it");
        }
        GrayscaleImageReader reader = new GrayscaleImageReader(loaded.variant().side(), loaded.variant().side());
        for (Path image : images) {
            INDArray probabilities = loaded.network().output(loaded.input(reader.read(image)), false);
            StringBuilder line = new StringBuilder(image.toString()).append(':');
            for (int rank = 0; rank < Math.min(top, loaded.classNames().size()); rank++) {
                int best = probabilities.argMax(1).getInt(0);
                line.append(String.format("  %s %.1f%%", loaded.classNames().get(best), 100 * probabilities.getDouble(0, best)));
                probabilities.putScalar(0, best, -1);
            }
            System.out.println(line);
        }
        return 0;
    }
}
