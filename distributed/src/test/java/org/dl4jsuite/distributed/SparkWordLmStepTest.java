package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.sequence.GlobalNormClipping;
import org.dl4jsuite.common.sequence.TokenMean;
import org.dl4jsuite.common.sequence.TruncatedBpttStep;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.dl4jsuite.common.sequence.WindowBlocks;
import org.dl4jsuite.common.train.TrainConfig;
import org.dl4jsuite.wordlm.WordCorpus;
import org.dl4jsuite.wordlm.WordLmConfig;
import org.dl4jsuite.wordlm.WordLmModel;
import org.junit.jupiter.api.Test;

/**
 * The word LM on Spark against the single-machine step: with one worker averaging after every block, Spark's
 * workers (rebuilt from the configuration, the clipping listener sent to them serialised) train exactly what the
 * notebook's carried-state step trains when its state is reset at every block boundary (the stated deviation).
 */
class SparkWordLmStepTest {
    private static final int WINDOWS_PER_BLOCK = 3;

    @Test
    void oneWorkerEqualsTheCarriedStateStepResetAtEveryBlock() {
        WordCorpus ptb = WordCorpus.ptb(SharedData.dir().resolve("ptb"));
        WordLmConfig config = TrainConfig.with(new WordLmConfig(), "--batch-size", "4", "--seq-length", "5",
                "--embedding", "8", "--hidden", "16", "--lr", "0.01", "--clip", "0.05");
        int vocabulary = ptb.dictionary().size();
        StreamBatches windows = new StreamBatches(Arrays.copyOf(ptb.train(), 400), 4, 5);
        WindowBlocks blocks = new WindowBlocks(windows, WINDOWS_PER_BLOCK);

        MultiLayerNetwork alone = WordLmModel.build(config, vocabulary, 11);
        TruncatedBpttStep notebook = new TruncatedBpttStep(alone, config.seqLength(), config.clipNorm(), "word");
        TokenMean perToken = new TokenMean(config.seqLength());
        MultiLayerNetwork driver = WordLmModel.build(config, vocabulary, 11);
        assertThat(driver.params()).isEqualTo(alone.params());

        double[] aloneLoss = new double[2];
        double[] sparkLoss = new double[2];
        try (WindowBlockStep spark = new WindowBlockStep(SparkAveragingStep.start(SparkMaster.parse("local[1]"),
                "word-lm equality test", driver, 1, 1, config.batchSize(),
                List.of(new WorkerClipping(perToken, new GlobalNormClipping(config.clipNorm())))), perToken, "word")) {
            for (int block = 0; block < 2; block++) {
                notebook.reset();
                for (int k = 0; k < WINDOWS_PER_BLOCK; k++) {
                    aloneLoss[block] = notebook.fit(windows.window(block * WINDOWS_PER_BLOCK + k));
                }
                sparkLoss[block] = spark.fit(blocks.block(block));
            }
        }
        double maxDifference = driver.params().sub(alone.params()).amaxNumber().doubleValue();
        System.out.printf("word LM, local[1], 2 blocks of %d windows: largest parameter difference %.3g, "
                + "last-window loss %.4f / %.4f%n", WINDOWS_PER_BLOCK, maxDifference, sparkLoss[1], aloneLoss[1]);
        assertThat(sparkLoss).containsExactly(aloneLoss, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(maxDifference).isLessThan(1e-6);
        assertThat(driver.getUpdater().getStateViewArray().sub(alone.getUpdater().getStateViewArray())
                .amaxNumber().doubleValue()).isLessThan(1e-6);
        // The clipping acted (the last gradient's norm was above the clip), so equal parameters mean that it acted
        // on the worker too; and the driver counts one update per window, as Adam's bias correction needs.
        assertThat(notebook.lastGradientNorm()).isGreaterThan(config.clipNorm());
        assertThat(driver.getIterationCount()).isEqualTo(alone.getIterationCount()).isEqualTo(2 * WINDOWS_PER_BLOCK);
    }
}
