package org.dl4jsuite.adversarial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code classify}: the top-5 classes of photos by AlexNet weights, a TFLite classifier or an imported model zip;
 * for photos labelled by a labels.tsv beside them, the top-1 and top-5 hit rates.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Top-5 classes of JPEG/PNG photos (files or folders): AlexNet weights, a TFLite classifier or an "
                + "imported model.zip. Photos labelled by a labels.tsv in their folder are scored (top-1, top-5).")
public final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    ClassifierRunOptions runOptions = new ClassifierRunOptions();

    @Option(names = "--top", description = "Classes listed per image.")
    int top = 5;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files, or folders of them.")
    List<Path> images;

    @Override
    public Integer call() {
        runOptions.start(0);
        TargetModel target = model.load(runOptions.dataDir());
        System.out.println("model: " + target.description());
        List<String> names = target.classifier().classNames();
        int labelled = 0;
        int top1 = 0;
        int top5 = 0;
        // Each folder's labels.tsv, read once.
        Map<Path, Map<String, Integer>> labelsByFolder = new HashMap<>();
        for (Path file : expand(images)) {
            Integer label = labelsByFolder.computeIfAbsent(file.toAbsolutePath().getParent(),
                    dir -> AttackInputs.labelsTsv(dir.resolve("labels.tsv"))).get(file.getFileName().toString());
            boolean known = label != null && label >= 0 && label < names.size();
            INDArray p = target.classifier().probabilities(target.readImage(file, runOptions.resize()));
            int[] ranked = TopClasses.of(p.toFloatVector(), Math.max(top, 5));
            System.out.println(file + (known ? " (labelled " + names.get(label) + ")" : "") + ":");
            for (int r = 0; r < Math.min(top, ranked.length); r++) {
                int c = ranked[r];
                System.out.printf("  %2d. %-30s %6.2f%%  (class %d)%s%n", r + 1, names.get(c), 100 * p.getDouble(0, c), c,
                        known && c == label ? "  <- label" : "");
            }
            if (known) {
                labelled++;
                top1 += ranked[0] == label ? 1 : 0;
                top5 += TopClasses.contains(ranked, 5, label) ? 1 : 0;
            }
        }
        if (labelled > 0) {
            System.out.printf("labelled photos: %d; top-1 %d (%.1f%%), top-5 %d (%.1f%%)%n", labelled, top1,
                    100.0 * top1 / labelled, top5, 100.0 * top5 / labelled);
        }
        return 0;
    }

    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(Files.isDirectory(p) ? AttackInputs.imageFiles(p) : List.of(p));
        }
        return files;
    }
}
