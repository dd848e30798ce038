package org.dl4jsuite.charlstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.onednn.OneDnnLstmLayer;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.dl4jsuite.common.train.TrainConfig;

class CharLstmModelTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static CharLstmConfig config(double dropout) {
        return TrainConfig.with(new CharLstmConfig(), "--batch-size", "4", "--seq-length", "10", "--embedding", "8",
                "--hidden", "16", "--lr", "1e-2", "--log-every", "10", "--sample-length", "0", "--dropout", Double.toString(dropout));
    }

    @Test
    void dropoutGoesOnTheDeeperLstmLayersInputsOnlyAndKeepsTheOneDnnPath() {
        MultiLayerNetwork net = CharLstmModel.build(config(0.25), 12, 7);
        assertThat(net.getLayerWiseConfigurations().getConf(1).getLayer().getIDropout()).isNull();
        assertThat(net.getLayerWiseConfigurations().getConf(2).getLayer().getIDropout())
                .isEqualTo(new Dropout(0.75));
        assertThat(((OneDnnLstmLayer) net.getLayer(2)).usesOneDnn()).isTrue();
        INDArray x = Nd4j.createFromArray(new float[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {0, 1, 0, 1, 0, 1, 0, 1, 0, 1},
            {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, {11, 10, 9, 8, 7, 6, 5, 4, 3, 2}}).reshape(4, 1, 10);
        INDArray y = x.dup();
        INDArray before = net.params().dup();
        net.fit(x, y);
        assertThat(net.params()).isNotEqualTo(before);
        assertThat(net.params().isNaN().any()).isFalse();
        // Inference never drops: two passes agree.
        assertThat(net.output(x, false)).isEqualTo(net.output(x, false));
        assertThat(CharLstmModel.build(config(0), 12, 7).getLayerWiseConfigurations().getConf(2).getLayer()
                .getIDropout()).isNull();
    }

    @Test
    void aDropoutOfOneOrMoreIsRejected() {
        assertThatThrownBy(() -> config(1.0)).isInstanceOf(SuiteException.class).hasMessageContaining("--dropout");
        assertThatThrownBy(() -> config(-0.1)).isInstanceOf(SuiteException.class).hasMessageContaining("--dropout");
    }
}
