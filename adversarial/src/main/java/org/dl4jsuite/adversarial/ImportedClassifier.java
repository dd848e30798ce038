package org.dl4jsuite.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.adversarial.tflite.TfliteImporter;
import org.dl4jsuite.adversarial.tflite.TfliteModel;
import org.dl4jsuite.adversarial.tflite.TfliteReader;
import org.dl4jsuite.adversarial.tflite.TfliteTensor;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.Checksums;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/**
 * An ImageNet-style classifier brought into DL4J from elsewhere (a TensorFlow Lite file), with what using it
 * needs: its input size, the pixel → input scaling, the class names in output order. Saved as a suite model zip
 * (kind {@value #KIND}) those facts travel in the metadata, so evaluation and attacks load it without importing again.
 */
public record ImportedClassifier(ComputationGraph graph, List<String> classNames, InputScaling scaling, int height,
                                 int width, int channels, String description, Map<String, Object> facts) {
    /** The metadata kind of an imported TFLite model. */
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
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", file.getFileName().toString());
        facts.put("sha256", sha256(file));
        facts.put("operators", model.operators().size());
        facts.put("fileClasses", classes);
        facts.put("backgroundDropped", dropBackground);
        String description = String.format(Locale.ROOT, "%s (TFLite, %dx%d input, %d classes%s)", file.getFileName(),
                imported.height(), imported.width(), imported.classes(), dropBackground ? ", background dropped" : "");
        return new ImportedClassifier(imported.graph(), List.copyOf(names), imported.scaling(), imported.height(),
                imported.width(), imported.channels(), description, facts);
    }

    /** Loads a model zip written by {@link #save}. */
    public static ImportedClassifier fromZip(Path zip) {
        ModelMetadata metadata = ModelFile.requireModule(zip, AdversarialCommand.MODULE);
        if (!KIND.equals(metadata.kind())) {
            throw new SuiteException(zip + " is an adversarial " + metadata.kind() + " model, not an imported classifier");
        }
        Map<String, Object> p = metadata.properties();
        try {
            List<String> names = ((List<?>) p.get("classNames")).stream().map(Object::toString).toList();
            InputScaling scaling = new InputScaling(doubles(p.get("inputScale")), doubles(p.get("inputOffset")),
                    Boolean.TRUE.equals(p.get("inputBgr")));
            int h = ((Number) p.get("inputHeight")).intValue();
            int w = ((Number) p.get("inputWidth")).intValue();
            int c = ((Number) p.get("inputChannels")).intValue();
            ComputationGraph graph = ModelFile.loadGraph(zip, AdversarialCommand.MODULE, false);
            return new ImportedClassifier(graph, names, scaling, h, w, c, String.valueOf(p.get("description")), p);
        } catch (ClassCastException | NullPointerException e) {
            throw new SuiteException(zip + " has incomplete metadata for an imported classifier (" + e.getMessage()
                    + "); import the model again");
        }
    }

    /** Writes the network and its facts as a suite model zip. */
    public void save(Path zip) {
        Map<String, Object> p = new LinkedHashMap<>(facts);
        p.put("description", description);
        p.put("inputHeight", height);
        p.put("inputWidth", width);
        p.put("inputChannels", channels);
        p.put("inputScale", scaling.scale());
        p.put("inputOffset", scaling.offset());
        p.put("inputBgr", scaling.bgr());
        p.put("classNames", classNames);
        ModelFile.save(graph, zip, false, new ModelMetadata(AdversarialCommand.MODULE, KIND, ModelMetadata.GRAPH, p));
    }

    /** The network as a classifier of RGB pixels in [0,1]. */
    public Classifier classifier() {
        return new ScaledInputClassifier(Dl4jClassifier.of(graph, classNames), scaling);
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

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
