package org.dl4jsuite.wordlm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.cli.LanguageModelOptions;
import org.dl4jsuite.common.io.NumpyParameters;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.TruncatedBpttStep;
import org.dl4jsuite.common.train.EpochEvaluation;
import org.dl4jsuite.common.train.MemoryRecords;
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingRun;

/**
 * The word LM's training from a run's configuration, the notebook's: the corpus's streams walked in windows, one
 * {@link TruncatedBpttStep} per window, the notebook's log line, memory records, validation and test perplexity
 * after every epoch with the best model kept as model.zip (unless --skip-eval), and at the end the report.
 */
public final class WordLmTraining {
    private WordLmTraining() {
    }

    /** The training {@code run} asks for, with the language-model options {@code lm}; its network is word-lm's whatever engine trains it. */
    public static Training<StreamBatches> of(TrainingRun<WordLmConfig> run, LanguageModelOptions lm) {
        WordLmConfig config = run.config();
        WordCorpus words = WordCorpus.read(config.corpus(), run.options().dataDir());
        StreamBatches windows = new StreamBatches(words.train(), config.batchSize(), config.seqLength());
        // The notebook prints ncols // seq as the step count.
        int notebookSteps = windows.columns() / config.seqLength();
        System.out.printf("%s: vocabulary %,d; %,d / %,d / %,d train / valid / test words; %d steps per epoch%n",
                words.source(), words.dictionary().size(), words.train().length, words.valid().length,
                words.test().length, notebookSteps);

        long seed = run.options().seed();
        MultiLayerNetwork net = run.network(WordLmCommand.MODULE,
                () -> WordLmModel.build(config, words.dictionary().size(), seed));
        System.out.printf("%,d parameters%n", net.numParams());
        NumpyParameters.exportStartingWeights(net, lm.exportInit(), run.resumeFrom().isPresent(), System.out);
        ModelMetadata metadata = WordLmModelFiles.metadata(words.dictionary(), words.source());
        BestModel best = BestModel.continuing(net, run.directory().file("model.zip"), metadata, run);
        List<RunListener> listeners = List.of(
                new ReferenceLogLine(config.epochs(), notebookSteps, config.logEvery(), System.out),
                new MemoryRecords(run.metrics(), config.memoryEvery(), System.out),
                new EpochEvaluation(epochs -> lm.skipEval() ? Map.of() : heldOut(net, words, config)),
                best);
        return new Training<>(net, windows,
                new TruncatedBpttStep(net, config.seqLength(), config.clipNorm(), "word"), listeners, List.of(),
                metadata, (result, file) -> {
                    if (lm.skipEval()) {
                        ModelFile.save(net, file, false, metadata);
                    } else if (result.outcome() == TrainingLoop.Outcome.MAX_STEPS) {
                        offerLast(run, best, result, heldOut(net, words, config));
                    }
                    new WordLmReport(run, words).write(net, result, best);
                    return lm.skipEval() ? "model.zip is the last model (--skip-eval)"
                            : String.format("model.zip is the best validation perplexity, %.2f after epoch %d",
                                    best.perplexity(), best.epoch());
                });
    }

    /** A run stopped by --max-steps is measured where it stopped, and that model offered as the best. */
    private static void offerLast(TrainingRun<WordLmConfig> run, BestModel best, TrainingLoop.Result result,
                                  Map<String, Double> last) {
        System.out.printf("after %d steps  valid perplexity %.2f  test perplexity %.2f%n",
                result.state().step(), last.get("valid_perplexity"), last.get("test_perplexity"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "final");
        record.put("step", result.state().step());
        record.putAll(last);
        run.metrics().append(record);
        best.offer(result.state().epoch() + 1, last);
    }

    private static Map<String, Double> heldOut(MultiLayerNetwork net, WordCorpus words, WordLmConfig config) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("valid_perplexity", WordPerplexity.of(net, words.valid(), config.batchSize(), config.seqLength()));
        figures.put("test_perplexity", WordPerplexity.of(net, words.test(), config.batchSize(), config.seqLength()));
        return figures;
    }
}
