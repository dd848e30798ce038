package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.classifier.Classifier;
import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.Datasets;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.images.GrayscaleImageReader;
import org.dl4jsuite.common.io.TorchCheckpoint;
import org.dl4jsuite.common.model.ImageModelFacts;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A classifier to attack with the facts around it: torchvision AlexNet weights (.pth/.pt or .npz; RGB 224×224 input),
 * a TensorFlow Lite classifier (.tflite, imported), or a suite model.zip: an imported classifier or one
 * such as lenet-mnist's (28×28 gray, its dataset and class names in the metadata).
 */
public record TargetModel(Classifier classifier, int channels, int rows, int cols, ImageDataset dataset, String description) {

    /** Loads {@code file} by its kind: AlexNet weights (.pth, .pt, .npz), a .tflite model, else a suite model.zip. */
    public static TargetModel load(Path file, Path dataDir) {
        return load(file, null, dataDir);
    }

    /** As {@link #load(Path, Path)}; {@code labels} (may be null) names a TFLite model's class names file. */
    public static TargetModel load(Path file, Path labels, Path dataDir) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tflite")) {
            return of(ImportedClassifier.fromTflite(file, labels, dataDir));
        }
        if (TorchCheckpoint.isNamed(file) || file.getFileName().toString().endsWith(".npz")) {
            AlexNetConfig config = TorchAlexNetWeights.configOf(file);
            List<String> names = alexNetClasses(config, file, labels, dataDir);
            ComputationGraph net = TorchAlexNetWeights.load(file, config);
            return new TargetModel(Dl4jClassifier.adopt(net, names), 3, config.inputSize(),
                    config.inputSize(), null, "AlexNet (torchvision layout, weights " + file.getFileName() + ")");
        }
        ModelMetadata metadata = ModelFile.readMetadata(file);
        if (ImportedClassifier.KIND.equals(metadata.kind())) {
            return of(ImportedClassifier.fromZip(file));
        }
        ImageModelFacts facts = metadata.facts(ImageModelFacts.class, file);
        ImageDataset variant = mnistVariant(facts.dataset());
        String what = metadata.module() + " " + metadata.kind() + " on " + facts.dataset();
        Classifier classifier = ModelMetadata.GRAPH.equals(metadata.network())
                ? Dl4jClassifier.adopt(ModelFile.loadGraph(file, metadata.module(), false), facts.classNames())
                : Dl4jClassifier.adopt(ModelFile.loadMultiLayer(file, metadata.module(), false), facts.classNames());
        if (facts.standardized()) {
            // trained on (pixel − mean) / std: attacks still perturb pixels in [0,1]
            classifier = new ScaledInputClassifier(classifier, InputScaling.uniform(facts.channels(), 1 / facts.inputStd(),
                    -facts.inputMean() / facts.inputStd()));
        }
        return new TargetModel(classifier, facts.channels(), facts.height(), facts.width(), variant, what);
    }

    /** An AlexNet's class names: the ImageNet classes for 1000 outputs, else one per line of {@code labels}. */
    static List<String> alexNetClasses(AlexNetConfig config, Path weights, Path labels, Path dataDir) {
        if (labels == null && config.classes() == 1000) {
            return imageNetClasses(dataDir);
        }
        if (labels == null) {
            throw new SuiteException(weights + " is an AlexNet with " + config.classes() + " classes, not ImageNet's "
                    + "1000; pass --labels FILE with one class name per line");
        }
        List<String> names = ImportedClassifier.readLabels(labels);
        if (names.size() != config.classes()) {
            throw new SuiteException(labels + " lists " + names.size() + " labels but " + weights + " has "
                    + config.classes() + " classes");
        }
        return names;
    }

    /** The idx dataset a model was trained on, or null for any other. */
    private static ImageDataset mnistVariant(String dataset) {
        for (ImageDataset v : ImageDataset.values()) {
            if (v.option().equals(dataset)) {
                return v;
            }
        }
        return null;
    }

    /** An imported classifier as an attack target. */
    public static TargetModel of(ImportedClassifier imported) {
        return new TargetModel(imported.classifier(), imported.channels(), imported.height(), imported.width(), null,
                imported.description());
    }

    /** The 1000 ImageNet class names from the resolver (imagenet_classes.txt). */
    public static List<String> imageNetClasses(Path dataDir) {
        Path file = DatasetResolver.standard(dataDir).resolve(Datasets.IMAGENET_CLASSES).file("imagenet_classes.txt");
        List<String> names = ImportedClassifier.readLabels(file);
        if (names.size() != 1000) {
            throw new SuiteException(file + " lists " + names.size() + " class names, not 1000");
        }
        return names;
    }

    /** One image file as this model's input row [1, ...]: photos brought to the model's input size by {@code resize}. */
    public INDArray readImage(Path file, ImageNetPreprocessor.Resize resize) {
        return channels == 3 ? ImageNetPreprocessor.forCrop(resize, rows).read(file)
                : new GrayscaleImageReader(rows, cols).read(file);
    }

    /** Values per example. */
    public int size() {
        return channels * rows * cols;
    }

    /** Checks that {@code target} is a class index of this model. */
    public int requireClass(int target) {
        int n = classifier.classNames().size();
        if (target < 0 || target >= n) {
            throw new SuiteException("target " + target + " is outside 0.." + (n - 1) + " (the model's classes)");
        }
        return target;
    }
}
