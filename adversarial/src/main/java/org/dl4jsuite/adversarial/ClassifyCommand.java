package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.ImplementationOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code classify}: the top-5 ImageNet classes of photos with torchvision's AlexNet weights. */
@Command(name = "classify", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Top-5 ImageNet classes of JPEG/PNG photos with AlexNet weights from reference/export_alexnet.py.")
public final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "AlexNet state_dict as .npz.")
    Path weights;

    @Mixin
    ResizeOption resize = new ResizeOption();

    @Mixin
    org.dl4jsuite.common.cli.DataDirOption data = new org.dl4jsuite.common.cli.DataDirOption();

    @Mixin
    ImplementationOption impl = new ImplementationOption();

    @Option(names = "--top", description = "Classes listed per image.")
    int top = 5;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files.")
    List<Path> images;

    @Override
    public Integer call() {
        impl.select();
        ComputeBackend.initialise(0);
        TargetModel model = TargetModel.load(weights, data.dataDir(), resize.mode());
        ImageNetPreprocessor preprocessor = resize.preprocessor();
        for (Path image : images) {
            INDArray p = model.classifier().probabilities(model.readImage(image, preprocessor));
            System.out.println(image + ":");
            for (int[] rank = {0}; rank[0] < Math.min(top, p.size(1)); rank[0]++) {
                int best = p.argMax(1).getInt(0);
                System.out.printf("  %2d. %-30s %6.2f%%  (class %d)%n", rank[0] + 1, model.classifier().classNames().get(best),
                        100 * p.getDouble(0, best), best);
                p.putScalar(0, best, -1);
            }
        }
        return 0;
    }
}
