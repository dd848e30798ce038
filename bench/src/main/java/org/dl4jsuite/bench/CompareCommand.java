package org.dl4jsuite.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.OutputFileOption;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare RUN_A RUN_B}: both runs' loss curves in one PNG, and their throughput and loss side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Overlay two runs' training-loss curves (e.g. DL4J against the PyTorch reference) and "
                + "print throughput, its ratio and the last logged loss; --output PNG names the overlay (default compare.png).")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_A", description = "A run folder (or its metrics.jsonl).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Another run folder (or its metrics.jsonl).")
    Path runB;

    @Mixin
    OutputFileOption output = new OutputFileOption();

    @Option(names = "--x", description = "Horizontal axis: step or wall_s.")
    String x = "step";

    @Option(names = "--label-a", description = "Legend name of RUN_A (default: its folder).")
    String labelA;

    @Option(names = "--label-b", description = "Legend name of RUN_B (default: its folder).")
    String labelB;

    @Option(names = "--flop-per-example", paramLabel = "F",
            description = "Training FLOPs per example (per token for language models), e.g. from `bench flops MODEL`:"
                    + " adds achieved GFLOP/s.")
    double flopPerExample;

    @Option(names = "--peak-gflops", paramLabel = "P",
            description = "This machine's sgemm peak (from `bench sgemm`): adds GFLOP/s as a share of it.")
    double peakGflops;

    @Option(names = "--peak-rss-a", paramLabel = "MIB",
            description = "RUN_A's peak resident memory (e.g. from GNU time): adds peak RSS and its ratio to RUN_B's.")
    double peakRssA = Double.NaN;

    @Option(names = "--peak-rss-b", paramLabel = "MIB", description = "RUN_B's peak resident memory.")
    double peakRssB = Double.NaN;

    @Override
    public Integer call() {
        if (!"step".equals(x) && !"wall_s".equals(x)) {
            throw new SuiteException("--x must be step or wall_s, got '" + x + "'");
        }
        RunMetrics a = RunMetrics.read(runA, labelA);
        RunMetrics b = RunMetrics.read(runB, labelB);
        Path out = output.orElse(Path.of("compare.png"));
        new LinePlot("training loss", "step".equals(x) ? "step" : "training time (s)", "loss")
                .series(a.label(), a.column(x), a.column("loss"))
                .series(b.label(), b.column(x), b.column("loss"))
                .save(out, 900, 520);
        TextTable table = new TextTable("run", "last step", "last loss", "throughput /s", "ratio to B", "GFLOP/s",
                "of sgemm peak", "peak RSS MiB", "RSS ratio to B", "peak heap MiB", "peak off-heap MiB");
        for (RunMetrics run : new RunMetrics[] {a, b}) {
            double rss = run == a ? peakRssA : peakRssB;
            double gflops = flopPerExample > 0 ? run.meanRate() * flopPerExample / 1e9 : Double.NaN;
            table.row(run.label(), run.lastStep(), String.format("%.4f", run.lastLoss()),
                    String.format("%,.0f", run.meanRate()), String.format("%.2f", run.meanRate() / b.meanRate()),
                    Double.isNaN(gflops) ? "-" : String.format("%.1f", gflops),
                    Double.isNaN(gflops) || !(peakGflops > 0) ? "-" : String.format("%.0f%%", 100 * gflops / peakGflops),
                    mib(rss), Double.isNaN(rss) || Double.isNaN(peakRssB) ? "-" : String.format("%.2f", rss / peakRssB),
                    mib(run.peak("heap_mib")), mib(run.peak("offheap_mib")));
        }
        System.out.println(table);
        if (flopPerExample > 0) {
            System.out.printf("GFLOP/s at %,.0f training FLOPs per example%s%n", flopPerExample,
                    peakGflops > 0 ? String.format("; sgemm peak %.1f GFLOP/s", peakGflops) : "");
        }
        System.out.println("overlay " + out.toAbsolutePath());
        return 0;
    }

    /** A memory figure, or "-" for a run that does not record it (the PyTorch reference). */
    private static String mib(double value) {
        return Double.isNaN(value) ? "-" : String.format("%,.0f", value);
    }
}
