package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.layers.Conv2D;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.shapes.ParameterTable;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** LeNet-5 from the hand-derived layers: the same architecture as DL4J's, and it learns as well on real data. */
class HandwrittenLeNetTest {
    private static final LeNetConfig HANDWRITTEN = new LeNetConfig().withNet(LeNetConfig.Network.HANDWRITTEN);

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void hasTheSameParameterCountsAsTheDl4jVariant() {
        ParameterTable reference = ParameterTable.of(LeNetModel.build(new LeNetConfig(), 1), LeNetModel.INPUT);
        MultiLayerNetwork handwritten = LeNetModel.build(HANDWRITTEN, 1);
        assertThat(handwritten.numParams()).isEqualTo(reference.totalParameters());
        assertThat(handwritten.getLayerWiseConfigurations().getConf(0).getLayer()).isInstanceOf(Conv2D.class);
    }

    @Test
    void bothVariantsLearnFashionMnistEquallyWellInThreeHundredSteps() {
        ResolvedDataset files = ImageDataset.FASHION.resolve(null);
        ImageClassData train = ImageDataset.FASHION.train(files);
        ImageClassData test = ImageDataset.FASHION.test(files);
        double reference = accuracyAfterShortTraining(new LeNetConfig(), train, test);
        double handwritten = accuracyAfterShortTraining(HANDWRITTEN, train, test);
        System.out.printf("Fashion-MNIST after 300 steps: dl4j %.4f, handwritten %.4f%n", reference, handwritten);
        assertThat(reference).isGreaterThan(0.70);
        assertThat(handwritten).isGreaterThan(0.70).isCloseTo(reference, org.assertj.core.data.Offset.offset(0.04));
    }

    /** Test accuracy after 300 Adam steps of batch 64 from seed 7, the same batches for both variants. */
    private static double accuracyAfterShortTraining(LeNetConfig config, ImageClassData train, ImageClassData test) {
        MultiLayerNetwork net = LeNetModel.build(config, 7);
        Iterator<DataSet> batches = new InMemoryBatches(train.features(), train.labels(), config.batchSize(), 7, true)
                .epoch(0, 0);
        for (int step = 0; step < 300; step++) {
            net.fit(batches.next());
        }
        return Predictions.accuracy(Predictions.classes(net, test.features(), 500), test.labelIndex());
    }
}
