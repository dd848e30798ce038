package org.dl4jsuite.charlstm;

import java.nio.file.Path;
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
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains the character LSTM with stateful truncated BPTT, evaluating and sampling every N steps. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a character-level LSTM (Adam, truncated BPTT with carried state, global-norm "
                + "clipping); writes runs/char-lstm/<time>/.")
public final class TrainCommand implements Callable<Integer>, ModuleDefaults {
    private static final CharLstmConfig DEFAULTS = CharLstmConfig.defaults();

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Option(names = "--text", paramLabel = "FILE", description = "A UTF-8 text to train on instead of Tiny Shakespeare.")
    Path text;

    @Option(names = "--batch-size", description = "Parallel text streams per step.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--seq-length", description = "Characters per window (truncated BPTT length).")
    int seqLength = DEFAULTS.seqLength();

    @Option(names = "--embedding", description = "Character embedding size.")
    int embedding = DEFAULTS.embedding();

    @Option(names = "--hidden", description = "LSTM units per layer.")
    int hidden = DEFAULTS.hidden();

    @Option(names = "--layers", description = "Stacked LSTM layers.")
    int layers = DEFAULTS.layers();

    @Option(names = "--dropout", description = "Fraction of the inputs of every LSTM layer after the first dropped in "
            + "training (0: none).")
    double dropout = DEFAULTS.dropout();

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--clip", description = "Maximum global gradient norm (of the per-character mean loss).")
    double clipNorm = DEFAULTS.clipNorm();

    @Option(names = "--log-every", paramLabel = "STEPS", description = "Print and record the training loss every STEPS steps.")
    int logEvery = DEFAULTS.logEvery();

    @Option(names = "--eval-every", paramLabel = "STEPS", description = "Validation loss and samples every STEPS steps.")
    int evalEvery = DEFAULTS.evalEvery();

    @Option(names = "--sample-length", description = "Characters generated at each evaluation (0: none).")
    int sampleLength = DEFAULTS.sampleLength();

    @Option(names = "--temperature", description = "Sampling temperature of the generated samples (0: greedy).")
    double temperature = DEFAULTS.temperature();

    @Option(names = "--skip-eval", description = "No validation loss at epoch ends (speed runs; the report still measures it once at the end).")
    boolean skipEval;

    @Option(names = "--export-init", paramLabel = "DIR",
            description = "Write the starting weights as .npy files into DIR, for reference/char_lstm.py --init-from DIR "
                    + "(the PyTorch reference then starts from the same model).")
    Path exportInit;

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--epochs", Integer.toString(CharLstmConfig.EPOCHS));
    }

    @Override
    public Integer call() {
        CharLstmConfig requested = new CharLstmConfig(text == null ? null : text.toAbsolutePath().toString(), batchSize,
                seqLength, embedding, hidden, layers, learningRate, clipNorm, logEvery, evalEvery, sampleLength,
                temperature, dropout);
        try (TrainingRun<CharLstmConfig> run = TrainingRun.start(CharLstmCommand.MODULE, options.toRunOptions(),
                requested, CharLstmConfig.class, System.out)) {
            CharLstmConfig config = run.config();
            CharTexts.Text source = CharTexts.read(config.text(), options.dataDir());
            CharCorpus corpus = CharCorpus.of(source.content(), source.source());
            StreamBatches batches = new StreamBatches(corpus.train(), config.batchSize(), config.seqLength());
            System.out.printf("%s: %,d characters, %d distinct; %,d train / %,d validation; %d streams × %,d, "
                            + "%d windows of %d per epoch; unigram entropy %.3f nats/char%n", source.source(),
                    corpus.length(), corpus.vocabulary().size(), corpus.train().length, corpus.validation().length,
                    batches.streams(), batches.columns(), batches.batchesPerEpoch(), config.seqLength(),
                    corpus.unigramEntropy());

            long seed = run.options().seed();
            MultiLayerNetwork net = run.resumeFrom()
                    .map(c -> ModelFile.loadMultiLayer(c.modelFile(), CharLstmCommand.MODULE, true))
                    .orElseGet(() -> CharLstmModel.build(config, corpus.vocabulary().size(), seed));
            System.out.printf("%,d parameters%n", net.numParams());
            NumpyParameters.exportStartingWeights(net, exportInit, run.resumeFrom().isPresent(), System.out);
            net.addListeners(new GlobalNormClipping(config.clipNorm(), config.seqLength()));
            StatefulTbpttStep step = new StatefulTbpttStep(net, "char");
            run.resumeFrom().ifPresent(c -> step.restore(c.directory()));
            ModelMetadata metadata = CharLstmModelFiles.metadata(corpus.vocabulary(), source.recordedAs(),
                    config.seqLength());
            CharSamples samples = new CharSamples(net, corpus, config, seed, System.out);

            Trainer.Result result;
            try (StopSignal stop = StopSignal.onShutdown()) {
                Trainer trainer = run.trainer(metadata, config.logEvery()).withStep(step)
                        .evaluateEvery(config.evalEvery(), state -> samples.evaluate(state.step()));
                Trainer.EpochEvaluation perEpoch = skipEval ? epochs -> Map.of() : epochs -> samples.validationMetrics();
                result = trainer.train(net, batches, run.startState(), perEpoch, stop);
            }
            if (result.outcome() == Trainer.Outcome.INTERRUPTED) {
                return 130;
            }
            ModelFile.save(net, run.directory().file("model.zip"), false, metadata);
            double validation = new CharLstmReport(run, corpus).write(net, result, samples);
            System.out.printf("validation loss %.4f nats/char (%.4f bits/char)%n", validation, validation / Math.log(2));
            System.out.println("model " + run.directory().file("model.zip"));
            System.out.println("report " + run.directory().file("report.md"));
            return 0;
        }
    }
}
