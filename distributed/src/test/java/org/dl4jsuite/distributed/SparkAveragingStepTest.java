package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.FeedForwardStep;
import org.dl4jsuite.lenet.LeNetConfig;
import org.dl4jsuite.lenet.LeNetModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** Spark's parameter averaging (DL4J's {@code fit} on the workers) against the suite's own feed-forward step. */
class SparkAveragingStepTest {

    @Test
    void oneWorkerAveragingAfterEveryStepEqualsSingleMachineTraining() {
        ImageClassData train = ImageDataset.MNIST.train(new DatasetResolver(SharedData.dir().resolve("mnist"), Map.of(),
                null, false, null).resolve(ImageDataset.MNIST.spec()));
        LeNetConfig config = new LeNetConfig();
        MultiLayerNetwork alone = LeNetModel.build(config, 7);
        MultiLayerNetwork driver = LeNetModel.build(config, 7);
        assertThat(driver.params()).isEqualTo(alone.params());
        InMemoryBatches batches = new InMemoryBatches(train.features(), train.labels(), config.batchSize(), 7, true);
        FeedForwardStep single = new FeedForwardStep(alone);

        double[] aloneLoss = new double[5];
        double[] sparkLoss = new double[5];
        try (SparkAveragingStep spark = SparkAveragingStep.start(SparkMaster.parse("local[1]"), "equality test", driver,
                1, 1, config.batchSize(), List.of())) {
            Iterator<DataSet> epoch = batches.epoch(0, 0);
            for (int step = 0; step < 5; step++) {
                DataSet batch = epoch.next().copy();
                aloneLoss[step] = single.fit(batch);
                sparkLoss[step] = spark.fit(batch);
            }
        }
        assertThat(sparkLoss).containsExactly(aloneLoss, org.assertj.core.data.Offset.offset(1e-6));
        double maxDifference = driver.params().sub(alone.params()).amaxNumber().doubleValue();
        System.out.printf("local[1], averaging every step, 5 steps: largest parameter difference %.3g, loss %.4f -> %.4f%n",
                maxDifference, sparkLoss[0], sparkLoss[4]);
        assertThat(maxDifference).isLessThan(1e-6);
        assertThat(driver.getUpdater().getStateViewArray().sub(alone.getUpdater().getStateViewArray())
                .amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(driver.getIterationCount()).isEqualTo(alone.getIterationCount());
        assertThat(driver.getEpochCount()).isZero();
    }
}
