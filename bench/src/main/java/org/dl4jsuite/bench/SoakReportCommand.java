package org.dl4jsuite.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.OutputFileOption;
import org.dl4jsuite.common.report.LinePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code soak-report SAMPLES.csv}: a soak run's memory over time as a PNG, with its peak and growth per hour. */
@Command(name = "soak-report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Plot a soak run's memory samples (RSS, Java heap in use, JavaCPP-tracked bytes over time; "
                + "written by -Ddl4jsuite.memory.samples, see bench/soak.sh) and print the peak, the peak per "
                + "phase, the RSS after warm-up and its growth per hour.")
public final class SoakReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SAMPLES", description = "The CSV the run's memory sampler wrote.")
    Path samplesFile;

    @Mixin
    OutputFileOption output = new OutputFileOption();

    @Option(names = "--warm-up", paramLabel = "SECONDS",
            description = "Seconds at the start left out of the growth (loading data, first allocations).")
    double warmUp = 120;

    @Option(names = "--title", description = "The plot's title (default: the samples file's name).")
    String title;

    @Override
    public Integer call() {
        if (!(warmUp >= 0)) {
            throw new SuiteException("--warm-up must be zero or more seconds, got " + warmUp);
        }
        MemorySamples samples = MemorySamples.read(samplesFile);
        double[] minutes = Arrays.stream(samples.seconds()).map(s -> s / 60).toArray();
        Path png = output.orElse(Path.of("soak.png"));
        new LinePlot(title == null ? samplesFile.getFileName().toString() : title, "minutes", "MiB")
                .series("RSS", minutes, samples.rss())
                .series("Java heap in use", minutes, samples.heap())
                .series("JavaCPP-tracked (oneDNN buffers)", minutes, samples.tracked())
                .series("other native (ND4J arrays, JVM, malloc)", minutes, samples.otherNative())
                .save(png, 900, 520);
        double end = samples.seconds()[samples.seconds().length - 1];
        System.out.printf("samples: %d over %.1f min%n", samples.seconds().length, end / 60);
        System.out.printf("peak: RSS %,.0f MiB, heap in use %,.0f MiB, tracked %,.0f MiB%n",
                MemorySamples.peak(samples.rss()), MemorySamples.peak(samples.heap()),
                MemorySamples.peak(samples.tracked()));
        Set<String> phases = new LinkedHashSet<>(Arrays.asList(samples.phase()));
        StringBuilder byPhase = new StringBuilder("peak RSS by phase:");
        for (String phase : phases) {
            byPhase.append(String.format(" %s %,.0f MiB;", phase, samples.peakRss(phase)));
        }
        System.out.println(byPhase.substring(0, byPhase.length() - 1));
        if (phases.contains("train") && phases.contains("eval")) {
            System.out.printf("eval / train peak RSS: %.2f×%n", samples.peakRss("eval") / samples.peakRss("train"));
        }
        List<Double> stretches = samples.trainingStretchPeaks();
        if (stretches.size() > 1) {
            System.out.printf("peak RSS of the %d training stretches (between evaluations, or sweep points): %s%n",
                    stretches.size(), stretchList(stretches));
        }
        double[][] peaks = samples.windowPeaks(warmUp);
        double first = peaks[0][1];
        double growth = samples.growthPerHour(warmUp);
        System.out.printf("RSS after warm-up (%.0f s): %,.0f MiB in the first tenth, %,.0f MiB in the last%n", warmUp,
                first, peaks[peaks.length - 1][1]);
        System.out.printf("growth after warm-up: %+,.0f MiB per hour (%+.1f%% per hour)%n", growth,
                100 * growth / first);
        System.out.println("plot: " + png);
        return 0;
    }

    /** The first and last six of {@code peaks} in MiB, "…" between when there are more. */
    private static String stretchList(List<Double> peaks) {
        List<Double> shown = peaks.size() <= 12 ? peaks : new ArrayList<>(peaks.subList(0, 6));
        StringBuilder out = new StringBuilder();
        for (double p : shown) {
            out.append(out.length() == 0 ? "" : ", ").append(String.format("%,.0f", p));
        }
        if (peaks.size() > 12) {
            out.append(", …");
            for (double p : peaks.subList(peaks.size() - 6, peaks.size())) {
                out.append(String.format(", %,.0f", p));
            }
        }
        return out.append(" MiB").toString();
    }
}
