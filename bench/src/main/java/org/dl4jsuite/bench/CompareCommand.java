package org.dl4jsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.OutputFileOption;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare RUN...}: the runs' loss curves in one PNG, and each run's throughput, last loss and peak RSS with its
 * ratios to every other run (DL4J beside PyTorch 1.13 and PyTorch 2.7).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Overlay two or more runs' training-loss curves (e.g. DL4J against the PyTorch references) and "
                + "print throughput, its ratio to each of the other runs and the last logged loss; --output PNG names "
                + "the overlay (default compare.png).")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run folders (or their metrics.jsonl), the subject first.")
    List<Path> runs;

    @Mixin
    OutputFileOption output = new OutputFileOption();

    @Option(names = "--x", description = "Horizontal axis: step or wall_s.")
    String x = "step";

    @Option(names = "--label", paramLabel = "NAME",
            description = "Legend name of each RUN, in order, one --label per run (default: its folder).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--flop-per-example", paramLabel = "F",
            description = "Training FLOPs per example (per token for language models), e.g. from `bench flops MODEL`:"
                    + " adds achieved GFLOP/s.")
    double flopPerExample;

    @Option(names = "--peak-gflops", paramLabel = "P",
            description = "This machine's sgemm peak (from `bench sgemm`): adds GFLOP/s as a share of it.")
    double peakGflops;

    @Option(names = "--peak-rss", paramLabel = "MIB",
            description = "Each RUN's peak resident memory (e.g. from GNU time), in order, one per run: adds peak RSS "
                    + "and its ratio to each other run's.")
    List<Double> peakRss = new ArrayList<>();

    @Override
    public Integer call() {
        if (!"step".equals(x) && !"wall_s".equals(x)) {
            throw new SuiteException("--x must be step or wall_s, got '" + x + "'");
        }
        requireOnePerRun(labels.size(), "--label");
        requireOnePerRun(peakRss.size(), "--peak-rss");
        List<RunMetrics> all = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            all.add(RunMetrics.read(runs.get(i), labels.isEmpty() ? null : labels.get(i)));
        }
        Path out = output.orElse(Path.of("compare.png"));
        LinePlot plot = new LinePlot("training loss", "step".equals(x) ? "step" : "training time (s)", "loss");
        all.forEach(run -> plot.series(run.label(), run.column(x), run.column("loss")));
        plot.save(out, 900, 520);
        List<String> header = new ArrayList<>(List.of("run", "last step", "last loss", "throughput /s"));
        List<RunMetrics> others = all.subList(1, all.size());
        others.forEach(o -> header.add("ratio to " + o.label()));
        header.addAll(List.of("GFLOP/s", "of sgemm peak", "peak RSS MiB"));
        others.forEach(o -> header.add("RSS ratio to " + o.label()));
        header.addAll(List.of("peak heap MiB", "peak off-heap MiB"));
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (int i = 0; i < all.size(); i++) {
            RunMetrics run = all.get(i);
            double rss = rss(i);
            double gflops = flopPerExample > 0 ? run.meanRate() * flopPerExample / 1e9 : Double.NaN;
            List<Object> row = new ArrayList<>(List.of(run.label(), run.lastStep(), String.format("%.4f", run.lastLoss()),
                    String.format("%,.0f", run.meanRate())));
            others.forEach(o -> row.add(String.format("%.2f", run.meanRate() / o.meanRate())));
            row.add(Double.isNaN(gflops) ? "-" : String.format("%.1f", gflops));
            row.add(Double.isNaN(gflops) || !(peakGflops > 0) ? "-" : String.format("%.0f%%", 100 * gflops / peakGflops));
            row.add(mib(rss));
            for (int j = 1; j < all.size(); j++) {
                row.add(Double.isNaN(rss) || Double.isNaN(rss(j)) ? "-" : String.format("%.2f", rss / rss(j)));
            }
            row.add(mib(run.peak("heap_mib")));
            row.add(mib(run.peak("offheap_mib")));
            table.row(row.toArray());
        }
        System.out.println(table);
        if (flopPerExample > 0) {
            System.out.printf("GFLOP/s at %,.0f training FLOPs per example%s%n", flopPerExample,
                    peakGflops > 0 ? String.format("; sgemm peak %.1f GFLOP/s", peakGflops) : "");
        }
        System.out.println("overlay " + out.toAbsolutePath());
        return 0;
    }

    private void requireOnePerRun(int given, String option) {
        if (given != 0 && given != runs.size()) {
            throw new SuiteException(String.format("%s was given %d times for %d runs; give it once per run, in the "
                    + "runs' order, or not at all", option, given, runs.size()));
        }
    }

    private double rss(int run) {
        return peakRss.isEmpty() ? Double.NaN : peakRss.get(run);
    }

    /** A memory figure, or "-" for a run that does not record it (the PyTorch reference). */
    private static String mib(double value) {
        return Double.isNaN(value) ? "-" : String.format("%,.0f", value);
    }
}
