package org.dl4jsuite.common.workarounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.optim.TorchAdam;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class LeanUpdaterTest {
    private static MultiLayerNetwork network(boolean l2, boolean mixedUpdaters) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new TorchAdam(0.01));
        if (l2) {
            b.l1(1e-3).weightDecay(1e-2);
        }
        DenseLayer.Builder hidden = new DenseLayer.Builder().nIn(5).nOut(6).activation(Activation.TANH);
        if (mixedUpdaters) {
            hidden.updater(new Sgd(0.1));
        }
        MultiLayerConfiguration conf = b.list().layer(hidden.build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static DataSet batch(int i) {
        Nd4j.getRandom().setSeed(100 + i);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int r = 0; r < 8; r++) {
            y.putScalar(r, r % 3, 1f);
        }
        return new DataSet(x, y);
    }

    @Test
    void trainsExactlyAsDl4jsUpdaterWithAndWithoutRegularization() {
        for (boolean l2 : new boolean[] {false, true}) {
            for (boolean mixed : new boolean[] {false, true}) {
                MultiLayerNetwork plain = network(l2, mixed);
                MultiLayerNetwork lean = network(l2, mixed);
                plain.fit(batch(0));
                lean.fit(batch(0));
                LeanUpdater.installIn(lean);   // mid-training, over the state the first step left
                assertThat(lean.getUpdater()).isInstanceOf(LeanUpdater.class);
                for (int i = 1; i < 6; i++) {
                    plain.fit(batch(i));
                    lean.fit(batch(i));
                }
                assertThat(lean.params()).as("l2 %s, mixed %s", l2, mixed).isEqualTo(plain.params());
                assertThat(lean.getUpdater().getStateViewArray()).isEqualTo(plain.getUpdater().getStateViewArray());
            }
        }
    }

    @Test
    void installingTwiceKeepsTheSameUpdater() {
        MultiLayerNetwork net = network(false, false);
        Object first = LeanUpdater.installIn(net);
        assertThat(net.getUpdater()).isSameAs(first);
        assertThat(LeanUpdater.installIn(net)).isSameAs(first);
    }
}
