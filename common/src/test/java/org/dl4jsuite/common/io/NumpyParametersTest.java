package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NumpyParametersTest {
    @TempDir
    Path tmp;

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void everyParameterReadsBackWithItsShapeAndValues() {
        MultiLayerNetwork net = network();
        assertThat(NumpyParameters.write(net, tmp.resolve("init"))).isEqualTo(4);
        for (String key : net.paramTable().keySet()) {
            INDArray read = Nd4j.createFromNpyFile(tmp.resolve("init").resolve(key + ".npy").toFile());
            INDArray expected = net.getParam(key);
            assertThat(read.shape()).containsExactly(expected.shape());
            assertThat(read.equalsWithEps(expected, 0)).as(key).isTrue();
        }
    }

    @Test
    void anUnwritableFolderIsAClearError() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> NumpyParameters.write(network(), file.resolve("init")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("cannot write the starting weights");
    }
}
