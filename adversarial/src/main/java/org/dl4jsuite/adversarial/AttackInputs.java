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
import org.dl4jsuite.common.data.ImageDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The examples an attack runs on: a batch [n, ...], their labels and names. */
public record AttackInputs(INDArray pixels, int[] labels, List<String> names, String source) {

    /** Every JPEG/PNG in {@code dir}; labels from a labels.tsv there (file, wnid, class_index), else the clean prediction. */
    public static AttackInputs fromDirectory(Path dir, TargetModel model, ImageNetPreprocessor.Resize resize) {
        return fromDirectories(List.of(dir), model, resize, false);
    }

    /**
     * The JPEG/PNG files of every directory in turn, labelled as {@link #fromDirectory} does; with
     * {@code skipOutsideClasses}, photos whose labels.tsv row says they are of none of the classes (class_index −1)
     * are left out, since no accuracy can be measured on them.
     */
    public static AttackInputs fromDirectories(List<Path> dirs, TargetModel model, ImageNetPreprocessor.Resize resize,
                                               boolean skipOutsideClasses) {
        List<Path> files = new ArrayList<>();
        Map<Path, Integer> known = new HashMap<>();
        int skipped = 0;
        for (Path dir : dirs) {
            List<Path> here = imageFiles(dir);
            Map<String, Integer> tsv = labelsTsv(dir.resolve("labels.tsv"));
            for (Path f : here) {
                Integer label = tsv.get(f.getFileName().toString());
                if (label != null && label < 0 && skipOutsideClasses) {
                    skipped++;
                    continue;
                }
                if (label != null) {
                    known.put(f, label);
                }
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            throw new SuiteException("every photo in " + dirs + " is marked as outside the model's classes");
        }
        List<INDArray> rows = new ArrayList<>();
        for (Path f : files) {
            rows.add(model.readImage(f, resize));
        }
        INDArray pixels = Nd4j.concat(0, rows.toArray(INDArray[]::new));
        int[] labels = new int[files.size()];
        List<Integer> unlabelled = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Integer label = known.get(files.get(i));
            if (label != null && label >= 0 && label < model.classifier().classNames().size()) {
                labels[i] = label;
            } else {
                unlabelled.add(i);
            }
        }
        // Only the photos without a label are classified here (the attack classifies all of them anyway).
        if (!unlabelled.isEmpty()) {
            long[] which = unlabelled.stream().mapToLong(Integer::longValue).toArray();
            int[] predicted = model.classifier().probabilities(pixels.get(NDArrayIndex.indices(which)).dup())
                    .argMax(1).toIntVector();
            for (int k = 0; k < predicted.length; k++) {
                labels[unlabelled.get(k)] = predicted[k];
            }
        }
        int fromTsv = labels.length - unlabelled.size();
        String where = dirs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" and "));
        return new AttackInputs(pixels, labels, files.stream().map(p -> p.getFileName().toString()).toList(),
                files.size() + " images from " + where + " (" + fromTsv + " labelled by labels.tsv, the rest by the clean prediction"
                + (skipped > 0 ? "; " + skipped + " outside the classes left out" : "") + ")");
    }

    /** The JPEG/PNG files in {@code dir}, sorted by name; none is a user error. */
    static List<Path> imageFiles(Path dir) {
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
        return files;
    }

    /** The first {@code count} test images of an MNIST-format dataset. */
    public static AttackInputs fromDataset(ImageDataset variant, Path dataDir, int count) {
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

    /** Inputs paired with their target classes ({@code targets} null for an untargeted attack). */
    public record Targeted(AttackInputs inputs, int[] targets) {
    }

    /** file name → class index from a labels.tsv (file, wnid, class_index, ...); empty when there is none. */
    static Map<String, Integer> labelsTsv(Path tsv) {
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
