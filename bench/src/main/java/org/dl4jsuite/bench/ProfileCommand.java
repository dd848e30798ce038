package org.dl4jsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code profile STACKS}: where a training step's time goes, from async-profiler's collapsed stacks
 * (bench/profile.sh records them): the share of samples under each DL4J/ND4J/suite frame nearest the leaf, and
 * what the leaves are (native compute, thread hand-off in the kernel, Java).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Summarise async-profiler collapsed stacks: time per innermost DL4J frame and per kind of leaf.")
public final class ProfileCommand implements Callable<Integer> {
    private static final Pattern OWN_FRAME = Pattern.compile(
            "org/deeplearning4j/nn/(layers|multilayer|graph|updater)/|org/nd4j/linalg/(learning|lossfunctions|activations)/|org/dl4jsuite/");

    @Parameters(index = "0", paramLabel = "STACKS", description = "A collapsed-stacks file (frame;frame;...;leaf count per line).")
    Path stacks;

    @Option(names = "--focus", description = "Count only stacks through a frame containing this text (the training loop).")
    String focus = "TrainingLoop.train";

    @Option(names = "--top", description = "Rows of the frame table.")
    int top = 20;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(stacks)) {
            throw new SuiteException("no stacks file at " + stacks + "; record one with bench/profile.sh");
        }
        Map<String, Long> byFrame = new LinkedHashMap<>();
        Map<String, Long> byLeaf = new LinkedHashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(stacks)) {
            int space = line.lastIndexOf(' ');
            if (space < 0 || (focus != null && !focus.isEmpty() && !line.contains(focus))) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                throw new SuiteException(stacks + " is not in async-profiler's collapsed format: '" + line + "'");
            }
            List<String> frames = List.of(line.substring(0, space).split(";"));
            total += count;
            byFrame.merge(innermostOwnFrame(frames), count, Long::sum);
            byLeaf.merge(leafKind(frames.get(frames.size() - 1)), count, Long::sum);
        }
        if (total == 0) {
            throw new SuiteException("no samples in " + stacks + (focus == null ? "" : " under a frame containing '" + focus + "'"));
        }
        System.out.printf("%,d samples%s%n", total, focus == null || focus.isEmpty() ? "" : " under " + focus);
        System.out.print(table("innermost DL4J / ND4J / suite frame", byFrame, total, top));
        System.out.print(table("leaf", byLeaf, total, 12));
        return 0;
    }

    private static TextTable table(String title, Map<String, Long> counts, long total, int rows) {
        TextTable table = new TextTable("share", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(e -> table.row(String.format("%5.1f%%", 100.0 * e.getValue() / total), e.getKey()));
        return table;
    }

    private static String innermostOwnFrame(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (OWN_FRAME.matcher(frames.get(i)).find()) {
                return frames.get(i).replace('/', '.');
            }
        }
        return "(other)";
    }

    /** What a sample was doing: a kernel frame ends in _[k]; a Java frame has a package path; the rest is native. */
    static String leafKind(String leaf) {
        if (leaf.endsWith("_[k]")) {
            return "kernel (thread hand-off, page faults, syscalls)";
        }
        if (leaf.contains("openblas")) {
            return "native: OpenBLAS";
        }
        if (leaf.startsWith("dnnl::") || leaf.contains("sd::") || leaf.equals("[unknown]")) {
            return "native: libnd4j / oneDNN (unknown = oneDNN's generated kernels)";
        }
        if (leaf.matches("^[a-z]+(/[\\w$]+)+\\.[\\w$<>]+$")) {
            return "Java";
        }
        if (leaf.contains("malloc") || leaf.contains("free") || leaf.contains("memcpy") || leaf.contains("memset")) {
            return "native: malloc/free/memcpy";
        }
        String name = leaf.replaceAll("^.*/", "");
        return "native: other (" + (name.length() > 70 ? name.substring(0, 70) + "…" : name) + ")";
    }
}
