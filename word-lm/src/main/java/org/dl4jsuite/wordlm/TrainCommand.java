package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.io.NumpyParameters;
import org.dl4jsuite.common.runtime.MemoryFigures;
import org.dl4jsuite.common.sequence.RecurrentTraining;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.train.BatchSource;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;
import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.train.TrainingPlan;
import org.dl4jsuite.common.train.TrainingRecipe;
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: the notebook's training (stateful truncated BPTT, Adam, global-norm clipping) plus held-out perplexity and the best model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM; validation and test perplexity after every epoch; "
                + "model.zip is the best-validation model. Writes runs/word-lm/<time>/.")
public class TrainCommand extends TrainingRecipe<WordLmConfig> {
    @Mixin
    WordLmConfig config = new WordLmConfig();

    @Option(names = "--export-init", paramLabel = "DIR",
            description = "Write the starting weights as .npy files into DIR, for reference/word_lm.py --init-from DIR "
                    + "(the PyTorch reference then starts from the same model).")
    Path exportInit;

    @Option(names = "--skip-eval", description = "No held-out perplexity (smoke and memory runs); model.zip is then the last model.")
    boolean skipEval;

    public TrainCommand() {
        this(WordLmCommand.MODULE);
    }

    /** The word LM's training with its runs under {@code runs/<module>/} (another engine's command, e.g. Spark's). */
    protected TrainCommand(String module) {
        super(module, WordLmConfig.class);
    }

    /**
     * The step that trains the network on one batch of {@link #batches}: the notebook's stateful truncated-BPTT
     * step with the per-token gradient clipped to {@code --clip}; another engine (Spark) trains a group of blocks
     * on its workers instead, and closes its engine in {@code close}. Called once, after the network is built or
     * restored and {@link #batches} is made.
     */
    protected Trainer.Step step(MultiLayerNetwork net, TrainingRun<WordLmConfig> run) {
        WordLmConfig config = run.config();
        return RecurrentTraining.step(run, net, config.clipNorm(), config.seqLength(), "word");
    }

    /** The batches the loop feeds {@link #step}: the notebook's windows of the streams here. */
    protected BatchSource batches(StreamBatches windows, TrainingRun<WordLmConfig> run) {
        return windows;
    }

    /** Called after every step: the notebook's own log line here (its steps are windows). */
    protected Trainer.StepHook afterEachStep(ReferenceLogLine notebookLine) {
        return notebookLine;
    }

    @Override
    protected WordLmConfig requested() {
        return config;
    }

    @Override
    protected TrainingPlan plan(TrainingRun<WordLmConfig> run) {
        WordLmConfig config = run.config();
        WordCorpus words = WordCorpus.read(config.corpus(), options.dataDir());
        StreamBatches batches = new StreamBatches(words.train(), config.batchSize(), config.seqLength());
        // The notebook prints ncols // seq as the step count.
        int notebookSteps = batches.columns() / config.seqLength();
        System.out.printf("%s: vocabulary %,d; %,d / %,d / %,d train / valid / test words; %d steps per epoch%n",
                words.source(), words.dictionary().size(), words.train().length, words.valid().length,
                words.test().length, notebookSteps);

        long seed = run.options().seed();
        // A run of another engine (Spark) resumes a word-lm model too.
        MultiLayerNetwork net = run.network(WordLmCommand.MODULE,
                () -> WordLmModel.build(config, words.dictionary().size(), seed));
        System.out.printf("%,d parameters%n", net.numParams());
        NumpyParameters.exportStartingWeights(net, exportInit, run.resumeFrom().isPresent(), System.out);
        ModelMetadata metadata = WordLmModelFiles.metadata(words.dictionary(), words.source());
        BestModel best = BestModel.continuing(net, run.directory().file("model.zip"), metadata, run);
        recordMemory(run, run.startState().step());
        // The batches first: a layout they refuse stops the run before the step opens anything (a Spark context).
        BatchSource source = batches(batches, run);
        Trainer.Step step = step(net, run);
        return TrainingPlan.of(net, source, metadata)
                .step(step)
                .afterEachStep(afterEachStep(new ReferenceLogLine(config.epochs(), notebookSteps, config.logEvery(),
                        System.out)))
                .evaluateEvery(config.memoryEvery(), state -> MemoryFigures.now())
                .evaluateEachEpoch(skipEval ? epochs -> Map.of() : epochs -> best.offer(epochs, heldOut(net, words, config)))
                .saveModel((result, file) -> {
                    recordMemory(run, result.state().step());
                    if (skipEval) {
                        ModelFile.save(net, file, false, metadata);
                    } else if (result.outcome() == Trainer.Outcome.MAX_STEPS) {
                        offerLast(run, best, result, heldOut(net, words, config));
                    }
                })
                .report(result -> {
                    new WordLmReport(run, words).write(net, result, best);
                    return skipEval ? "model.zip is the last model (--skip-eval)"
                            : String.format("model.zip is the best validation perplexity, %.2f after epoch %d",
                                    best.perplexity(), best.epoch());
                });
    }

    /** A run stopped by --max-steps is measured where it stopped, and that model offered as the best. */
    private static void offerLast(TrainingRun<WordLmConfig> run, BestModel best, Trainer.Result result,
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

    private static void recordMemory(TrainingRun<WordLmConfig> run, long step) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "memory");
        record.put("step", step);
        record.putAll(MemoryFigures.now());
        run.metrics().append(record);
        System.out.printf("memory at step %d: %s%n", step, MemoryFigures.describe(MemoryFigures.now()));
    }
}
