package org.dl4jsuite.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.adversarial.tflite.TfliteImporter;
import org.dl4jsuite.adversarial.tflite.TfliteModel;
import org.dl4jsuite.adversarial.tflite.TfliteReader;
import org.dl4jsuite.adversarial.tflite.TfliteTensor;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.classifier.Classifier;
import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.data.Checksums;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;

/**
 * An ImageNet-style classifier brought into DL4J from elsewhere (a TensorFlow Lite file, PyTorch AlexNet weights), with what using it
 * needs: its input size, the pixel → input scaling, the class names in output order. Saved as a suite model zip
 * (kind {@value #KIND}) those facts travel in the metadata, so evaluation and attacks load it without importing again.
 */
public record ImportedClassifier(ComputationGraph graph, ImportedModelFacts facts) {
    /** The metadata kind of an imported model (the name dates from when TFLite was the only source). */
    public static final String KIND = "tflite-import";
    /** The label file that sits beside Coral's and TF-slim's TFLite classifiers. */
    public static final String LABELS_BESIDE = "imagenet_labels.txt";

    /**
     * Imports a TFLite classifier. Class names come from {@code labels} when given, else from
     * imagenet_labels.txt beside the model, else (for 1000 or 1001 classes) from the suite's ImageNet class list.
     * A 1001-way output whose label 0 is "background" loses that class: the network outputs the 1000 ImageNet classes.
     */
    public static ImportedClassifier fromTflite(Path file, Path labels, Path dataDir) {
        TfliteModel model = TfliteReader.read(file);
        int classes = outputClasses(model);
        Path labelFile = labels != null ? labels : file.toAbsolutePath().resolveSibling(LABELS_BESIDE);
        List<String> names;
        boolean dropBackground;
        if (labels != null || Files.isRegularFile(labelFile)) {
            List<String> lines = readLabels(labelFile);
            if (lines.size() == classes && classes == 1001 && lines.get(0).equalsIgnoreCase("background")) {
                names = lines.subList(1, lines.size());
                dropBackground = true;
            } else if (lines.size() == classes) {
                names = lines;
                dropBackground = false;
            } else {
                throw new SuiteException(labelFile + " lists " + lines.size() + " labels but " + file + " has " + classes
                        + " outputs; pass --labels with one label per output");
            }
        } else if (classes == 1000 || classes == 1001) {
            names = TargetModel.imageNetClasses(dataDir);
            dropBackground = classes == 1001;
        } else {
            throw new SuiteException(file + " has " + classes + " outputs and no " + LABELS_BESIDE
                    + " beside it; pass --labels FILE with one class name per line");
        }
        TfliteImporter.Imported imported = TfliteImporter.importModel(model, dropBackground);
        String description = String.format(Locale.ROOT, "%s (TFLite, %dx%d input, %d classes%s)", file.getFileName(),
                imported.height(), imported.width(), imported.classes(), dropBackground ? ", background dropped" : "");
        return new ImportedClassifier(imported.graph(), ImportedModelFacts.of(description, file.getFileName().toString(),
                sha256(file), model.operators().size(), classes, dropBackground, imported.channels(), imported.height(),
                imported.width(), imported.scaling(), names));
    }

    /**
     * torchvision-layout AlexNet weights (.pth/.pt or .npz) as an imported classifier, to save as a model zip: pixels
     * in [0,1] go in as they are (the graph's first layer applies ImageNet's mean and std).
     */
    public static ImportedClassifier fromTorchAlexNet(Path weights, Path labels, Path dataDir) {
        AlexNetConfig config = TorchAlexNetWeights.configOf(weights);
        List<String> names = TargetModel.alexNetClasses(config, weights, labels, dataDir);
        ComputationGraph graph = TorchAlexNetWeights.load(weights, config);
        int size = config.inputSize();
        String description = String.format(Locale.ROOT, "%s (AlexNet in torchvision's layout, %dx%d input, %d classes)",
                weights.getFileName(), size, size, config.classes());
        return new ImportedClassifier(graph, ImportedModelFacts.of(description, weights.getFileName().toString(),
                sha256(weights), 0, config.classes(), false, 3, size, size, InputScaling.uniform(3, 1, 0), names));
    }

    /** Loads a model zip written by {@link #save}. */
    public static ImportedClassifier fromZip(Path zip) {
        ModelMetadata metadata = ModelFile.requireModule(zip, AdversarialCommand.MODULE);
        if (!KIND.equals(metadata.kind())) {
            throw new SuiteException(zip + " is an adversarial " + metadata.kind() + " model, not an imported classifier");
        }
        ImportedModelFacts facts = metadata.facts(ImportedModelFacts.class, zip);
        return new ImportedClassifier(ModelFile.loadGraph(zip, AdversarialCommand.MODULE, false), facts);
    }

    /** Writes the network and its facts as a suite model zip. */
    public void save(Path zip) {
        ModelFile.save(graph, zip, false, ModelMetadata.of(AdversarialCommand.MODULE, KIND, ModelMetadata.GRAPH, facts));
    }

    public List<String> classNames() {
        return facts.classNames();
    }

    public InputScaling scaling() {
        return facts.scaling();
    }

    public int channels() {
        return facts.inputChannels();
    }

    public int height() {
        return facts.inputHeight();
    }

    public int width() {
        return facts.inputWidth();
    }

    public String description() {
        return facts.description();
    }

    /** The network as a classifier of RGB pixels in [0,1]. */
    public Classifier classifier() {
        return new ScaledInputClassifier(Dl4jClassifier.of(graph, classNames()), scaling());
    }

    private static int outputClasses(TfliteModel model) {
        if (model.outputs().length != 1) {
            throw new SuiteException(model.source() + " has " + model.outputs().length
                    + " outputs; the importer takes image classifiers with one output");
        }
        TfliteTensor out = model.tensor(model.outputs()[0]);
        if (out.shape().length != 2) {
            throw new SuiteException(model.source() + ": the output " + out.describe() + " is not [n, classes]");
        }
        return out.shape()[1];
    }

    /** Class names, one per line, blank lines skipped. */
    static List<String> readLabels(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("label file not found: " + file.toAbsolutePath());
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + " as text, one label per line: " + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try {
            return Checksums.sha256(file);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
    }

}
