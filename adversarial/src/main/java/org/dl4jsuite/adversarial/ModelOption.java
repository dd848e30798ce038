package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** The shared choice of the network that classify and attack use: a file by its kind, a TFLite file, its labels. */
public final class ModelOption {
    @Option(names = {"--model", "--weights"}, paramLabel = "FILE",
            description = "AlexNet weights (.npz from reference/export_alexnet.py), a TFLite classifier (.tflite), or a "
                    + "suite model.zip (from 'adversarial import' or lenet-mnist).")
    Path model;

    @Option(names = "--tflite", paramLabel = "FILE", description = "A TensorFlow Lite image classifier, imported into DL4J.")
    Path tflite;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names of a TFLite model, one per line (default: imagenet_labels.txt beside it, else the "
                    + "ImageNet classes).")
    Path labels;

    /** Loads the chosen network; exactly one of the options must be given. */
    public TargetModel load(Path dataDir) {
        if ((model == null) == (tflite == null)) {
            throw new SuiteException("give the network with exactly one of --model FILE or --tflite FILE");
        }
        if (tflite != null) {
            return TargetModel.of(ImportedClassifier.fromTflite(tflite, labels, dataDir));
        }
        return TargetModel.load(model, labels, dataDir);
    }

    /** The file given, for records. */
    public Path file() {
        return model != null ? model : tflite;
    }
}
