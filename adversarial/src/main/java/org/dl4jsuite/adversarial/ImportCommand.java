package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.cli.OutputFileOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code import}: a TFLite image classifier, or PyTorch AlexNet weights, as a suite model zip (DL4J network + input
 * scaling + class names).
 */
@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Import a TensorFlow Lite image classifier (or, with --model, torchvision-layout AlexNet weights) "
                + "into DL4J and save it as a model.zip that classify, "
                + "attack and plain DL4J (ComputationGraph.load) read; --output ZIP names it.")
public final class ImportCommand implements Callable<Integer> {
    @Option(names = "--tflite", paramLabel = "FILE", description = "The .tflite classifier.")
    Path tflite;

    @Option(names = "--model", paramLabel = "FILE",
            description = "AlexNet weights in torchvision's layout instead: a PyTorch state_dict (.pth/.pt) or an .npz.")
    Path model;

    @Option(names = "--labels", paramLabel = "FILE", description = "Its class names, one per line (default: beside it).")
    Path labels;

    @Mixin
    OutputFileOption output = new OutputFileOption();

    @Mixin
    DataDirOption data = new DataDirOption();

    @Override
    public Integer call() {
        Path out = output.required("the model zip to write");
        ComputeBackend.initialise(0);
        if ((tflite == null) == (model == null)) {
            throw new SuiteException("give exactly one of --tflite FILE or --model FILE (AlexNet weights)");
        }
        ImportedClassifier imported = tflite != null ? ImportedClassifier.fromTflite(tflite, labels, data.dataDir())
                : ImportedClassifier.fromTorchAlexNet(model, labels, data.dataDir());
        imported.save(out);
        System.out.printf("%s -> %s: %,d parameters, %d classes%n", imported.description(), out,
                imported.graph().numParams(), imported.classNames().size());
        return 0;
    }
}
