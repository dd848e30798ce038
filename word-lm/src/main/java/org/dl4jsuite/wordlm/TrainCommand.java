package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.cli.ModuleDefaults;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.io.NumpyParameters;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.StatefulTbpttStep;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;
import org.dl4jsuite.common.train.StopSignal;
import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.runtime.MemoryFigures;
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: the notebook's training (stateful truncated BPTT, Adam, global-norm clipping) plus held-out perplexity and the best model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM; validation and test perplexity after every epoch; "
                + "model.zip is the best-validation model. Writes runs/word-lm/<time>/.")
public final class TrainCommand implements Callable<Integer>, ModuleDefaults {
    private static final WordLmConfig DEFAULTS = WordLmConfig.defaults();

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A folder with ptb.train.txt, ptb.valid.txt, ptb.test.txt to use instead of the Penn Treebank.")
    Path corpus;

    @Option(names = "--batch-size", description = "Parallel streams per step.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--seq-length", description = "Words per window (truncated BPTT length).")
    int seqLength = DEFAULTS.seqLength();

    @Option(names = "--embed", description = "Word embedding size.")
    int embed = DEFAULTS.embed();

    @Option(names = "--hidden", description = "LSTM units per layer.")
    int hidden = DEFAULTS.hidden();

    @Option(names = "--layers", description = "Stacked LSTM layers.")
    int layers = DEFAULTS.layers();

    @Option(names = "--dropout", description = "Probability of dropping each LSTM's and the softmax layer's inputs (0: none).")
    double dropout = DEFAULTS.dropout();

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--clip", description = "Maximum global gradient norm (of the per-word mean loss).")
    double clipNorm = DEFAULTS.clipNorm();

    @Option(names = "--log-every", paramLabel = "STEPS", description = "The notebook's loss line every STEPS steps of an epoch.")
    int logEvery = DEFAULTS.logEvery();

    @Option(names = "--memory-every", paramLabel = "STEPS",
            description = "Record off-heap, physical and RSS memory every STEPS steps (and at the start).")
    int memoryEvery = DEFAULTS.memoryEvery();

    @Option(names = "--export-init", paramLabel = "DIR",
            description = "Write the starting weights as .npy files into DIR, for reference/word_lm.py --init-from DIR "
                    + "(the PyTorch reference then starts from the same model).")
    Path exportInit;

    @Option(names = "--skip-eval", description = "No held-out perplexity (smoke and memory runs); model.zip is then the last model.")
    boolean skipEval;

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--epochs", Integer.toString(WordLmConfig.EPOCHS));
    }

    @Override
    public Integer call() {
        WordLmConfig requested = new WordLmConfig(corpus == null ? null : corpus.toAbsolutePath().toString(), batchSize,
                seqLength, embed, hidden, layers, dropout, learningRate, clipNorm, logEvery, memoryEvery);
        try (TrainingRun<WordLmConfig> run = TrainingRun.start(WordLmCommand.MODULE, options.toRunOptions(), requested,
                WordLmConfig.class, System.out)) {
            WordLmConfig config = run.config();
            WordCorpus words = WordCorpus.read(config.corpus(), options.dataDir());
            StreamBatches batches = new StreamBatches(words.train(), config.batchSize(), config.seqLength());
            // The notebook prints ncols // seq as the step count.
            int notebookSteps = batches.columns() / config.seqLength();
            System.out.printf("%s: vocabulary %,d; %,d / %,d / %,d train / valid / test words; %d steps per epoch%n",
                    words.source(), words.dictionary().size(), words.train().length, words.valid().length,
                    words.test().length, notebookSteps);

            long seed = run.options().seed();
            MultiLayerNetwork net = run.resumeFrom()
                    .map(c -> ModelFile.loadMultiLayer(c.modelFile(), WordLmCommand.MODULE, true))
                    .orElseGet(() -> WordLmModel.build(config, words.dictionary().size(), seed));
            System.out.printf("%,d parameters%n", net.numParams());
            NumpyParameters.exportStartingWeights(net, exportInit, run.resumeFrom().isPresent(), System.out);
            net.addListeners(new GlobalNormClipping(config.clipNorm(), config.seqLength()));
            StatefulTbpttStep stateful = new StatefulTbpttStep(net, "word");
            run.resumeFrom().ifPresent(c -> stateful.restore(c.directory()));
            Trainer.Step step = new ReferenceLogLine(stateful, run.options().epochs(), notebookSteps, config.logEvery(),
                    System.out);
            ModelMetadata metadata = WordLmModelFiles.metadata(words.dictionary(), words.source());
            Path modelFile = run.directory().file("model.zip");
            BestModel best = new BestModel(net, modelFile, metadata);
            recordMemory(run, run.startState().step());

            Trainer.Result result;
            try (StopSignal stop = StopSignal.onShutdown()) {
                Trainer trainer = run.trainer(metadata, config.logEvery()).withStep(step)
                        .evaluateEvery(config.memoryEvery(), state -> MemoryFigures.now());
                Trainer.EpochEvaluation perEpoch = skipEval ? epochs -> Map.of()
                        : epochs -> best.offer(epochs, heldOut(net, words, config));
                result = trainer.train(net, batches, run.startState(), perEpoch, stop);
            }
            if (result.outcome() == Trainer.Outcome.INTERRUPTED) {
                return 130;
            }
            recordMemory(run, result.state().step());
            if (result.outcome() == Trainer.Outcome.MAX_STEPS) {
                if (skipEval) {
                    ModelFile.save(net, modelFile, false, metadata);
                } else {
                    Map<String, Double> last = heldOut(net, words, config);
                    System.out.printf("after %d steps  valid perplexity %.2f  test perplexity %.2f%n",
                            result.state().step(), last.get("valid_perplexity"), last.get("test_perplexity"));
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("type", "final");
                    record.put("step", result.state().step());
                    record.putAll(last);
                    run.metrics().append(record);
                    best.offer(result.state().epoch() + 1, last);
                }
            }
            new WordLmReport(run, words).write(net, result, best);
            System.out.println("model " + modelFile + (skipEval ? " (last)" : " (best validation perplexity)"));
            System.out.println("report " + run.directory().file("report.md"));
            return 0;
        }
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
