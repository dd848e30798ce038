package org.dl4jsuite.lenet;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.report.ConfusionMatrix;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: test accuracy, per-class accuracy and confusion matrix of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Evaluate a saved LeNet on the test set of the dataset it was trained on.")
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Mixin
    DataDirOption data = new DataDirOption();

    @Override
    public Integer call() {
        System.out.println(ComputeBackend.initialise(0).summary());
        LeNetModelFiles.Loaded loaded = LeNetModelFiles.load(model.path());
        ResolvedDataset files = loaded.variant().resolve(data.dataDir());
        ImageClassData test = loaded.variant().test(files);
        int[] predicted = Predictions.classes(loaded.network(), loaded.input(test.features()), 1000);
        ConfusionMatrix confusion = new ConfusionMatrix(loaded.classNames());
        for (int i = 0; i < predicted.length; i++) {
            confusion.add(test.labelIndex()[i], predicted[i]);
        }
        System.out.println(confusion.toMarkdown());
        System.out.printf("test accuracy %.2f%% on %,d %s test images%n", 100 * confusion.accuracy(), test.size(),
                loaded.variant().option());
        return 0;
    }
}
