package org.dl4jsuite.charlstm;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.RunReport;
import org.dl4jsuite.common.report.TrainingFacts;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingRun;

/** The end-of-training report of a char-lstm run: the loss curves (PNG), the final validation loss, a sample, report.md. */
final class CharLstmReport {
    private final TrainingRun<CharLstmConfig> run;
    private final CharCorpus corpus;

    CharLstmReport(TrainingRun<CharLstmConfig> run, CharCorpus corpus) {
        this.run = run;
        this.corpus = corpus;
    }

    /** Writes the plot and report.md into the run folder; returns the final validation loss in nats/char. */
    double write(MultiLayerNetwork net, TrainingLoop.Result result, CharSamples samples) {
        double validation = CharSamples.validationLoss(net, corpus.validation(), run.config().seqLength());
        List<Map<String, Object>> metrics = MetricsLog.read(run.directory().file("metrics.jsonl"));
        List<Map<String, Object>> steps = MetricsLog.ofType(metrics, "step");
        List<Map<String, Object>> evals = MetricsLog.ofType(metrics, "eval", "epoch").stream()
                .filter(r -> r.get("val_loss") instanceof Number).toList();
        new LinePlot("char-lstm loss (" + corpus.source() + ")", "step", "cross-entropy (nats/char)")
                .series("training (mean over log window)", MetricsLog.column(steps, "step"), MetricsLog.column(steps, "loss"))
                .series("validation", MetricsLog.column(evals, "step"), MetricsLog.column(evals, "val_loss"))
                .save(run.directory().file("loss.png"), 800, 500);
        String sample = samples.lastGenerated().isEmpty() ? "(no sample: --sample-length 0)" : samples.lastGenerated();
        RunReport report = new RunReport("Character LSTM on " + corpus.source())
                .fact("text", String.format("%s: %,d characters, %d distinct", corpus.source(), corpus.length(),
                        corpus.vocabulary().size()));
        TrainingFacts.addTo(report, run.config(), run.config().epochs(), net.numParams(), result.state(),
                        result.outcome() == TrainingLoop.Outcome.MAX_STEPS)
                .fact("validation loss", String.format("%.4f nats/char, %.4f bits/char", validation,
                        validation / Math.log(2)))
                .fact("unigram entropy of the training text", String.format("%.4f nats/char", corpus.unigramEntropy()))
                .fact("backend", run.backend().summary())
                .image("training and validation loss", "loss.png")
                .section("Last generated sample (temperature " + run.config().temperature() + ")",
                        "```\n" + sample + "\n```")
                .write(run.directory().path());
        return validation;
    }

}
