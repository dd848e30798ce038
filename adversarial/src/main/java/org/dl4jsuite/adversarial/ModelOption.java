package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** The shared choice of the network that classify and attack use: a file by its kind, a TFLite file, a zoo model. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "AlexNet weights (.npz from reference/export_alexnet.py), a TFLite classifier (.tflite), or a "
                    + "suite model.zip (from 'adversarial import' or lenet-mnist).")
    Path model;

    @Option(names = "--tflite", paramLabel = "FILE", description = "A TensorFlow Lite image classifier, imported into DL4J.")
    Path tflite;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names of a TFLite model, one per line (default: imagenet_labels.txt beside it, else the "
                    + "ImageNet classes).")
    Path labels;

    @Option(names = "--zoo", paramLabel = "NAME",
            description = "A DL4J zoo model with ImageNet weights: squeezenet, vgg16, vgg19, resnet50, darknet19, xception, "
                    + "nasnet (downloaded into DL4J's cache on first use).")
    String zoo;

    /** Loads the chosen network; exactly one of the options must be given. */
    public TargetModel load(Path dataDir) {
        int given = (model == null ? 0 : 1) + (tflite == null ? 0 : 1) + (zoo == null ? 0 : 1);
        if (given != 1) {
            throw new SuiteException("give the network with exactly one of --model FILE, --tflite FILE or --zoo NAME");
        }
        if (zoo != null) {
            return TargetModel.of(ZooClassifiers.fromOption(zoo).load(dataDir));
        }
        if (tflite != null) {
            return TargetModel.of(ImportedClassifier.fromTflite(tflite, labels, dataDir));
        }
        return TargetModel.load(model, labels, dataDir);
    }

    /** The network given, for records. */
    public String describe() {
        return zoo != null ? "zoo:" + zoo : String.valueOf(model != null ? model : tflite);
    }
}
