package org.dl4jsuite.wordlm;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.RunReport;
import org.dl4jsuite.common.report.TrainingFacts;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingRun;

/** The end-of-training report of a word-lm run: training perplexity and validation perplexity per epoch (PNG), a table, report.md. */
final class WordLmReport {
    private final TrainingRun<WordLmConfig> run;
    private final WordCorpus words;

    WordLmReport(TrainingRun<WordLmConfig> run, WordCorpus words) {
        this.run = run;
        this.words = words;
    }

    void write(MultiLayerNetwork net, TrainingLoop.Result result, BestModel best) {
        List<Map<String, Object>> metrics = MetricsLog.read(run.directory().file("metrics.jsonl"));
        List<Map<String, Object>> steps = MetricsLog.ofType(metrics, "step");
        List<Map<String, Object>> heldOut = MetricsLog.ofType(metrics, "epoch", "final").stream()
                .filter(r -> r.get("valid_perplexity") instanceof Number).toList();
        List<Map<String, Object>> memory = MetricsLog.ofType(metrics, "memory");
        double[] stepX = MetricsLog.column(steps, "step");
        double[] trainPerplexity = java.util.Arrays.stream(MetricsLog.column(steps, "loss")).map(Math::exp).toArray();
        new LinePlot("word-lm training perplexity (" + words.source() + ")", "step", "perplexity")
                .series("training (mean loss over log window, exponentiated)", stepX, trainPerplexity)
                .logY(true)
                .save(run.directory().file("train_perplexity.png"), 800, 500);
        RunReport report = new RunReport("Word-level LSTM LM on " + words.source())
                .fact("corpus", String.format("%s: vocabulary %,d, %,d train words", words.source(),
                        words.dictionary().size(), words.train().length));
        TrainingFacts.addTo(report, run.config(), run.config().epochs(), net.numParams(), result.state(),
                        result.outcome() == TrainingLoop.Outcome.MAX_STEPS)
                .fact("backend", run.backend().summary())
                .image("training perplexity", "train_perplexity.png");
        if (!heldOut.isEmpty()) {
            new LinePlot("word-lm validation perplexity", "epoch", "perplexity")
                    .series("validation", column(heldOut, "epoch", "step"), MetricsLog.column(heldOut, "valid_perplexity"))
                    .series("test", column(heldOut, "epoch", "step"), MetricsLog.column(heldOut, "test_perplexity"))
                    .save(run.directory().file("valid_perplexity.png"), 800, 500);
            TextTable table = new TextTable("epoch", "step", "valid perplexity", "test perplexity");
            heldOut.forEach(r -> table.row(r.get("epoch"), r.get("step"), r.get("valid_perplexity"),
                    r.get("test_perplexity")));
            report.fact("best validation perplexity", String.format("%.2f (epoch %d; model.zip)", best.perplexity(),
                            best.epoch()))
                    .image("validation perplexity per epoch", "valid_perplexity.png")
                    .section("Held-out perplexity", "```\n" + table + "```");
        }
        if (!memory.isEmpty()) {
            TextTable table = new TextTable("step", "off-heap MiB", "physical MiB", "RSS MiB", "heap MiB");
            memory.forEach(r -> table.row(r.get("step"), r.get("offheap_mib"), r.get("physical_mib"), r.get("rss_mib"),
                    r.get("heap_mib")));
            report.section("Memory (at the start, every --memory-every steps, at the end)", "```\n" + table + "```");
        }
        report.write(run.directory().path());
    }

    /** The values of {@code key} (or {@code fallback} where a record lacks it), NaN where neither is a number. */
    private static double[] column(List<Map<String, Object>> records, String key, String fallback) {
        return records.stream().mapToDouble(r -> {
            Object v = r.containsKey(key) ? r.get(key) : r.get(fallback);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }).toArray();
    }

}
