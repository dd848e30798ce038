package org.dl4jsuite.charlstm;

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
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.StepEvaluation;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingRun;

/**
 * The character LSTM's training from a run's configuration: the text's streams walked in windows, one
 * {@link TruncatedBpttStep} per window, the validation loss and a sample every --eval-every steps and the
 * validation loss after every epoch (unless --skip-eval), and at the end the model zip and the report.
 */
public final class CharLstmTraining {
    private CharLstmTraining() {
    }

    /** The training {@code run} asks for, with the language-model options {@code lm}. */
    public static Training<StreamBatches> of(TrainingRun<CharLstmConfig> run, LanguageModelOptions lm) {
        CharLstmConfig config = run.config();
        CharTexts.Text source = CharTexts.read(config.text(), run.options().dataDir());
        CharCorpus corpus = CharCorpus.of(source.content(), source.source());
        StreamBatches windows = new StreamBatches(corpus.train(), config.batchSize(), config.seqLength());
        System.out.printf("%s: %,d characters, %d distinct; %,d train / %,d validation; %d streams × %,d, "
                        + "%d windows of %d per epoch; unigram entropy %.3f nats/char%n", source.source(),
                corpus.length(), corpus.vocabulary().size(), corpus.train().length, corpus.validation().length,
                windows.streams(), windows.columns(), windows.batchesPerEpoch(), config.seqLength(),
                corpus.unigramEntropy());

        long seed = run.options().seed();
        MultiLayerNetwork net = run.network(() -> CharLstmModel.build(config, corpus.vocabulary().size(), seed));
        System.out.printf("%,d parameters%n", net.numParams());
        NumpyParameters.exportStartingWeights(net, lm.exportInit(), run.resumeFrom().isPresent(), System.out);
        CharSamples samples = new CharSamples(net, corpus, config, seed, System.out);
        ModelMetadata metadata = CharLstmModelFiles.metadata(corpus.vocabulary(), source.recordedAs(),
                config.seqLength());
        List<RunListener> listeners = List.of(
                new StepEvaluation(config.evalEvery(), state -> samples.evaluate(state.step())),
                new EpochEvaluation(epochs -> lm.skipEval() ? Map.of() : samples.validationMetrics()));
        return new Training<>(net, windows,
                new TruncatedBpttStep(net, config.seqLength(), config.clipNorm(), "char"), listeners, List.of(),
                metadata, (result, file) -> {
                    ModelFile.save(net, file, false, metadata);
                    double validation = new CharLstmReport(run, corpus).write(net, result, samples);
                    return String.format("validation loss %.4f nats/char (%.4f bits/char)", validation,
                            validation / Math.log(2));
                });
    }
}
