package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.io.NumpyParameters;
import org.dl4jsuite.common.sequence.RecurrentTraining;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.train.TrainingPlan;
import org.dl4jsuite.common.train.TrainingRecipe;
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains the character LSTM with stateful truncated BPTT, evaluating and sampling every N steps. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a character-level LSTM (Adam, truncated BPTT with carried state, global-norm "
                + "clipping); writes runs/char-lstm/<time>/.")
public final class TrainCommand extends TrainingRecipe<CharLstmConfig> {
    @Mixin
    CharLstmConfig config = new CharLstmConfig();

    @Option(names = "--skip-eval", description = "No validation loss at epoch ends (speed runs; the report still measures it once at the end).")
    boolean skipEval;

    @Option(names = "--export-init", paramLabel = "DIR",
            description = "Write the starting weights as .npy files into DIR, for reference/char_lstm.py --init-from DIR "
                    + "(the PyTorch reference then starts from the same model).")
    Path exportInit;

    public TrainCommand() {
        super(CharLstmCommand.MODULE, CharLstmConfig.class);
    }

    @Override
    protected CharLstmConfig requested() {
        return config;
    }

    @Override
    protected TrainingPlan plan(TrainingRun<CharLstmConfig> run) {
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
        MultiLayerNetwork net = run.network(() -> CharLstmModel.build(config, corpus.vocabulary().size(), seed));
        System.out.printf("%,d parameters%n", net.numParams());
        NumpyParameters.exportStartingWeights(net, exportInit, run.resumeFrom().isPresent(), System.out);
        CharSamples samples = new CharSamples(net, corpus, config, seed, System.out);
        return TrainingPlan.of(net, batches,
                        CharLstmModelFiles.metadata(corpus.vocabulary(), source.recordedAs(), config.seqLength()))
                .step(RecurrentTraining.step(run, net, config.clipNorm(), config.seqLength(), "char"))
                .evaluateEvery(config.evalEvery(), state -> samples.evaluate(state.step()))
                .evaluateEachEpoch(skipEval ? epochs -> Map.of() : epochs -> samples.validationMetrics())
                .report(result -> {
                    double validation = new CharLstmReport(run, corpus).write(net, result, samples);
                    return String.format("validation loss %.4f nats/char (%.4f bits/char)", validation,
                            validation / Math.log(2));
                });
    }
}
