package org.dl4jsuite.charlstm;

import org.dl4jsuite.common.train.TrainConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sequence.TruncatedBpttStep;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.StreamLoss;
import org.junit.jupiter.api.Test;

/** A brief training on the real Tiny Shakespeare text learns more than character frequencies. */
class TinyShakespeareTrainingTest {

    @Test
    void aShortTrainingDrivesValidationLossWellBelowTheUnigramEntropy() {
        ComputeBackend.initialise(0);
        CharCorpus corpus = CharCorpus.read(SharedData.dir().resolve("tinyshakespeare/input.txt"));
        assertThat(corpus.length()).isEqualTo(1_115_394);
        assertThat(corpus.vocabulary().size()).isEqualTo(65);
        double unigram = corpus.unigramEntropy();
        assertThat(unigram).isBetween(3.2, 3.4);

        CharLstmConfig config = TrainConfig.with(new CharLstmConfig(), "--batch-size", "32", "--seq-length", "50",
                "--embedding", "16", "--hidden", "128", "--layers", "1", "--lr", "1e-2", "--log-every", "10", "--sample-length", "0");
        MultiLayerNetwork net = CharLstmModel.build(config, corpus.vocabulary().size(), 42);
        TruncatedBpttStep step = new TruncatedBpttStep(net, config.seqLength(), config.clipNorm(), "char");
        StreamBatches batches = new StreamBatches(corpus.train(), config.batchSize(), config.seqLength());
        for (int k = 0; k < 120; k++) {
            step.fit(batches.window(k));
        }
        int[] validation = Arrays.copyOfRange(corpus.validation(), 0, 30_000);
        double loss = StreamLoss.meanNats(net, validation, 16, config.seqLength());
        System.out.printf("Tiny Shakespeare after 120 steps: validation loss %.3f nats/char (unigram entropy %.3f)%n", loss,
                unigram);
        // a model that only knew character frequencies would score the unigram entropy, ≈ 3.31 nats/char
        assertThat(loss).isLessThan(unigram - 0.6);
    }
}
