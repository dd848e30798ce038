package org.dl4jsuite.common.sweep;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.MarkdownTable;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.train.MetricsLog;

/**
 * What a finished sweep shows, in its folder: per varied option, the training loss and the per-epoch metric of
 * each of its values (mean over the runs with that value, a band for ± one standard deviation); a table of each
 * configuration's per-class test accuracy; and a summary sorted by mean test accuracy with its spread over seeds.
 */
public final class SweepReport {
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private final Sweep sweep;
    private final String metric;
    private final List<String> classNames;

    /** A report of {@code sweep} whose runs record {@code metric} (e.g. "test_accuracy") per epoch. */
    public SweepReport(Sweep sweep, String metric, List<String> classNames) {
        this.sweep = sweep;
        this.metric = metric;
        this.classNames = List.copyOf(classNames);
    }

    /** One configuration's finished runs and their results. */
    record Configuration(String label, List<Path> runs, List<PointResult> results) {
        SeedStatistics accuracy() {
            return SeedStatistics.of(results.stream().map(PointResult::accuracy).toList());
        }
    }

    /** Writes the plots, per-class.md, summary.md and sweep.md; returns the summary as a console table. */
    public String write(Function<Path, PointResult> evaluate) {
        List<String> axes = sweep.axisOrder();
        Map<String, Configuration> configurations = new LinkedHashMap<>();
        for (SweepPoint point : sweep.grid().points()) {
            if (!sweep.finished(point)) {
                continue;
            }
            Path run = sweep.runFolder(point).orElseThrow();
            Configuration c = configurations.computeIfAbsent(point.label(axes),
                    label -> new Configuration(label, new ArrayList<>(), new ArrayList<>()));
            c.runs().add(run);
            c.results().add(evaluate.apply(run));
        }
        List<Configuration> ranked = new ArrayList<>(configurations.values());
        ranked.sort(Comparator.comparingDouble((Configuration c) -> c.accuracy().mean()).reversed());

        MarkdownTable summary = new MarkdownTable("rank", "configuration", "runs", "test accuracy (mean ± std)", "min",
                "max");
        TextTable console = new TextTable("rank", "configuration", "runs", "mean", "± std", "min", "max");
        for (int i = 0; i < ranked.size(); i++) {
            Configuration c = ranked.get(i);
            SeedStatistics s = c.accuracy();
            summary.row(i + 1, c.label(), s.n(), String.format("%.2f%% ± %.2f", 100 * s.mean(), 100 * s.std()),
                    pct(s.min()), pct(s.max()));
            console.row(i + 1, c.label(), s.n(), pct(s.mean()), String.format("%.2f", 100 * s.std()), pct(s.min()),
                    pct(s.max()));
        }
        List<String> headers = new ArrayList<>(List.of("configuration"));
        headers.addAll(classNames);
        headers.add("overall");
        MarkdownTable perClass = new MarkdownTable(headers.toArray(String[]::new));
        for (Configuration c : configurations.values()) {
            List<Object> row = new ArrayList<>(List.of(c.label()));
            for (int k = 0; k < classNames.size(); k++) {
                int klass = k;
                row.add(pct(c.results().stream().mapToDouble(r -> r.perClass()[klass]).average().orElse(Double.NaN)));
            }
            row.add(pct(c.accuracy().mean()));
            perClass.row(row.toArray());
        }
        Path folder = sweep.folder();
        AtomicFiles.writeString(folder.resolve("summary.md"), "# Sweep summary\n\nSorted by mean test accuracy over "
                + "seeds (± the sample standard deviation).\n\n" + summary);
        AtomicFiles.writeString(folder.resolve("per-class.md"), "# Per-class test accuracy\n\nMean over seeds.\n\n"
                + perClass);
        StringBuilder page = new StringBuilder("# Sweep\n\n").append(summary).append("\n## Per-class test accuracy\n\n")
                .append(perClass);
        for (String axis : axes) {
            String name = axis.substring(2);
            overlays(axis);
            page.append("\n## ").append(name).append("\n\n![training loss by ").append(name).append("](loss-")
                    .append(name).append(".png)\n![").append(metric).append(" by ").append(name).append("](")
                    .append(metric).append("-").append(name).append(".png)\n");
        }
        AtomicFiles.writeString(folder.resolve("sweep.md"), page.toString());
        return console.toString();
    }

    /** The loss and metric curves of each value of {@code axis}, over every finished run with that value. */
    private void overlays(String axis) {
        Map<String, List<Path>> byValue = new LinkedHashMap<>();
        for (String value : sweep.grid().axes().get(axis)) {
            byValue.put(value, new ArrayList<>());
        }
        for (SweepPoint point : sweep.grid().points()) {
            if (sweep.finished(point)) {
                byValue.get(point.configuration().get(axis)).add(sweep.runFolder(point).orElseThrow());
            }
        }
        String name = axis.substring(2);
        LinePlot loss = new LinePlot("training loss by " + name, "epochs trained",
                "loss (mean over the log window)");
        LinePlot metricPlot = new LinePlot(metric + " by " + name, "epoch", metric);
        int colour = 0;
        for (Map.Entry<String, List<Path>> entry : byValue.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Color c = PALETTE[colour++ % PALETTE.length];
            String label = name + "=" + entry.getKey();
            curve(loss, label, entry.getValue(), "step", SweepReport::epochsTrained, "loss", c);
            curve(metricPlot, label, entry.getValue(), "epoch", (record, run) -> record.get("epoch"), metric, c);
        }
        loss.save(sweep.folder().resolve("loss-" + name + ".png"), 900, 520);
        metricPlot.save(sweep.folder().resolve(metric + "-" + name + ".png"), 900, 520);
    }

    /**
     * Where a step record lies in epochs (its step over the steps of one epoch, read from the run's first epoch
     * record), so runs with different batch sizes share one axis; null for a run that never finished an epoch.
     */
    private static Object epochsTrained(Map<String, Object> record, List<Map<String, Object>> run) {
        List<Map<String, Object>> epochs = MetricsLog.ofType(run, "epoch");
        if (epochs.isEmpty() || !(epochs.get(0).get("step") instanceof Number perEpoch)
                || !(record.get("step") instanceof Number step)) {
            return null;
        }
        return step.doubleValue() / perEpoch.doubleValue();
    }

    /** Mean and ± std over {@code runs} of {@code y} at each x ({@code x} of a record and its run) every run recorded. */
    private static void curve(LinePlot plot, String label, List<Path> runs, String type,
                              BiFunction<Map<String, Object>, List<Map<String, Object>>, Object> x, String y, Color c) {
        TreeMap<Double, List<Double>> at = new TreeMap<>();
        for (Path run : runs) {
            Path metrics = run.resolve("metrics.jsonl");
            if (!Files.exists(metrics)) {
                continue;
            }
            List<Map<String, Object>> records = MetricsLog.read(metrics);
            for (Map<String, Object> record : MetricsLog.ofType(records, type)) {
                if (x.apply(record, records) instanceof Number xv && record.get(y) instanceof Number yv) {
                    at.computeIfAbsent(xv.doubleValue(), k -> new ArrayList<>()).add(yv.doubleValue());
                }
            }
        }
        at.values().removeIf(values -> values.size() < runs.size());
        double[] xs = at.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = new double[xs.length];
        double[] low = new double[xs.length];
        double[] high = new double[xs.length];
        int i = 0;
        for (List<Double> values : at.values()) {
            SeedStatistics s = SeedStatistics.of(values);
            mean[i] = s.mean();
            low[i] = s.mean() - s.std();
            high[i] = s.mean() + s.std();
            i++;
        }
        plot.series(label + (runs.size() > 1 ? " (" + runs.size() + " runs)" : ""), xs, mean, c);
        if (runs.size() > 1) {
            plot.band(label, xs, low, high, c);
        }
    }

    private static String pct(double v) {
        return String.format("%.2f%%", 100 * v);
    }
}
