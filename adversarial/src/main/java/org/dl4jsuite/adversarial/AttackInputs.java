package org.dl4jsuite.adversarial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.MnistVariant;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The examples an attack runs on: a batch [n, ...], their labels and names. */
public record AttackInputs(INDArray pixels, int[] labels, List<String> names, String source) {

    /** Every JPEG/PNG in {@code dir}; labels from a labels.tsv there (file, wnid, class_index), else the clean prediction. */
    public static AttackInputs fromDirectory(Path dir, TargetModel model, ImageNetPreprocessor preprocessor) {
        if (!Files.isDirectory(dir)) {
            throw new SuiteException("--dir " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SuiteException("cannot list " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new SuiteException("no .jpg, .jpeg or .png files in " + dir);
        }
        Map<String, Integer> known = labelsTsv(dir.resolve("labels.tsv"));
        List<INDArray> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(model.readImage(f, preprocessor));
        }
        INDArray pixels = Nd4j.concat(0, rows.toArray(INDArray[]::new));
        int[] predicted = model.classifier().probabilities(pixels).argMax(1).toIntVector();
        int[] labels = new int[files.size()];
        int fromTsv = 0;
        for (int i = 0; i < labels.length; i++) {
            Integer label = known.get(files.get(i).getFileName().toString());
            boolean usable = label != null && label >= 0 && label < model.classifier().classNames().size();
            labels[i] = usable ? label : predicted[i];
            fromTsv += usable ? 1 : 0;
        }
        return new AttackInputs(pixels, labels, files.stream().map(p -> p.getFileName().toString()).toList(),
                files.size() + " images from " + dir + " (" + fromTsv + " labelled by labels.tsv, the rest by the clean prediction)");
    }

    /** The first {@code count} test images of an MNIST-format dataset. */
    public static AttackInputs fromDataset(MnistVariant variant, Path dataDir, int count) {
        if (count <= 0) {
            throw new SuiteException("--count must be positive, got " + count);
        }
        ImageClassData test = variant.test(variant.resolve(dataDir)).head(count);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            names.add(variant.option() + "-test-" + i);
        }
        return new AttackInputs(test.features(), test.labelIndex(), names, test.size() + " " + variant.option() + " test images");
    }

    /** The first {@code count} examples (all of them when there are fewer). */
    public AttackInputs head(int count) {
        if (count <= 0) {
            throw new SuiteException("the number of examples must be positive, got " + count);
        }
        int n = Math.min(count, labels.length);
        if (n == labels.length) {
            return this;
        }
        return new AttackInputs(pixels.get(NDArrayIndex.interval(0, n)).dup(), Arrays.copyOf(labels, n),
                names.subList(0, n), n + " of " + source);
    }

    /** Each example repeated once per target, with the targets alongside. */
    public Targeted withTargets(List<Integer> targets) {
        int n = labels.length;
        int[] index = new int[n * targets.size()];
        int[] t = new int[index.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < targets.size(); k++) {
                index[i * targets.size() + k] = i;
                t[i * targets.size() + k] = targets.get(k);
            }
        }
        INDArray repeated = Nd4j.pullRows(pixels.reshape(n, pixels.length() / n), 1, index);
        long[] shape = pixels.shape().clone();
        shape[0] = index.length;
        int[] y = new int[index.length];
        List<String> names2 = new ArrayList<>();
        for (int j = 0; j < index.length; j++) {
            y[j] = labels[index[j]];
            names2.add(names.get(index[j]));
        }
        return new Targeted(new AttackInputs(repeated.reshape(shape), y, names2, source), t);
    }

    /** Inputs paired with one target each. */
    public record Targeted(AttackInputs inputs, int[] targets) {
    }

    private static Map<String, Integer> labelsTsv(Path tsv) {
        Map<String, Integer> labels = new HashMap<>();
        if (!Files.isRegularFile(tsv)) {
            return labels;
        }
        try {
            List<String> lines = Files.readAllLines(tsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t");
                if (cells.length >= 3) {
                    labels.put(cells[0], Integer.parseInt(cells[2].trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new SuiteException("cannot read " + tsv + " (file, wnid, class_index columns): " + e.getMessage());
        }
        return labels;
    }
}
