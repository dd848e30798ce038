package org.dl4jsuite.adversarial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.MarkdownTable;
import org.dl4jsuite.common.report.RunReport;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.train.RunDirectory;

/**
 * An attack run's results, one row per budget: the console table, the report's markdown table, every example's
 * outcome (outcomes.jsonl) and the accuracy-against-eps plot.
 */
final class AttackResults {
    private final AttackConfig config;
    private final TextTable table = new TextTable("attack", "eps", "eps*255", "n", "clean acc", "adv acc", "acc 8-bit",
            "success", "success 8-bit", "mean Linf", "mean L2", "mean L0", "mean iters", "seconds");
    private final MarkdownTable markdown = new MarkdownTable("attack", "eps", "n", "clean acc", "adv acc", "acc 8-bit",
            "success", "success 8-bit", "mean Linf (levels)", "mean L2 (levels)", "mean L0", "mean iters", "seconds");
    private final List<Map<String, Object>> records = new ArrayList<>();
    private final List<double[]> accuracyAtEps = new ArrayList<>();

    AttackResults(AttackConfig config) {
        this.config = config;
    }

    /** Adds the row of {@code attack} at budget {@code eps} (NaN: unbounded), with each example's outcome. */
    void add(Attack attack, double eps, List<AttackEvaluation.Outcome> outcomes, List<String> names, double seconds) {
        AttackEvaluation.Summary s = AttackEvaluation.summarise(outcomes);
        boolean bounded = config.usesEps();
        table.row(attack.name(), bounded ? eps : null, bounded ? eps * 255 : null, s.count(), s.cleanAccuracy(),
                s.adversarialAccuracy(), s.accuracyAfter8Bit(), s.successRate(), s.successRateAfter8Bit(), s.meanLinf(),
                s.meanL2(), s.meanL0(), s.meanIterations(), Math.round(seconds));
        markdown.row(attack.name(), bounded ? String.format("%.4f (%.1f/255)", eps, eps * 255) : "-", s.count(),
                pct(s.cleanAccuracy()), pct(s.adversarialAccuracy()), pct(s.accuracyAfter8Bit()), pct(s.successRate()),
                pct(s.successRateAfter8Bit()), String.format("%.4f (%.1f)", s.meanLinf(), 255 * s.meanLinf()),
                String.format("%.3f (%.0f)", s.meanL2(), 255 * s.meanL2()),
                String.format("%.0f", s.meanL0()), String.format("%.1f", s.meanIterations()),
                String.format("%.0f", seconds));
        accuracyAtEps.add(new double[] {bounded ? eps : 0, s.adversarialAccuracy()});
        for (AttackEvaluation.Outcome o : outcomes) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("attack", attack.name());
            r.put("eps", bounded ? eps : null);
            r.put("name", names.get(o.index()));
            Json.tree(o).fields().forEachRemaining(f -> r.put(f.getKey(), f.getValue()));
            records.add(r);
        }
        if (s.successRateAfter8Bit() < s.successRate()) {
            System.out.printf("note: rounding to 8-bit pixels (as in a saved PNG) undid %.0f of %d successful attacks at %s%n",
                    (s.successRate() - s.successRateAfter8Bit()) * s.count(), Math.round(s.successRate() * s.count()),
                    bounded ? String.format("eps %.4f", eps) : attack.name());
        }
    }

    /** The console table. */
    String table() {
        return table.toString();
    }

    /** Writes outcomes.jsonl, the plot (bounded attacks) and report.md into {@code run}. */
    void write(RunDirectory run, TargetModel target, AttackInputs inputs) {
        StringBuilder jsonl = new StringBuilder();
        records.forEach(r -> jsonl.append(Json.line(r)).append('\n'));
        AtomicFiles.write(run.file("outcomes.jsonl"), jsonl.toString().getBytes(StandardCharsets.UTF_8));
        RunReport report = new RunReport("Adversarial attack: " + config.attack())
                .fact("model", target.description())
                .fact("inputs", inputs.source())
                .fact("configuration", Json.line(config))
                .section("Results", markdown.toString());
        if (config.usesEps()) {
            new LinePlot("Accuracy under " + config.attack(), "eps (pixels in [0,1])", "accuracy")
                    .series("adversarial accuracy", accuracyAtEps.stream().mapToDouble(p -> p[0]).toArray(),
                            accuracyAtEps.stream().mapToDouble(p -> p[1]).toArray())
                    .save(run.file("accuracy.png"), 800, 500);
            report.image("accuracy against eps", "accuracy.png");
        }
        report.write(run.path());
    }

    private static String pct(double v) {
        return String.format("%.1f%%", 100 * v);
    }
}
