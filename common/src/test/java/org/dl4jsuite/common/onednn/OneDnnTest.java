package org.dl4jsuite.common.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.runtime.LayerImplementation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Where oneDNN is loaded and used: the CPU backend with --impl fast only, beside ND4J's one OpenMP runtime. */
class OneDnnTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void onlyTheCpuBackendWithFastLayersLoadsOneDnn() {
        assertThat(OneDnn.wanted(LayerImplementation.FAST, "CpuBackend")).isTrue();
        assertThat(OneDnn.wanted(LayerImplementation.FAST, "JCublasBackend")).isFalse();
        assertThat(OneDnn.wanted(LayerImplementation.DL4J, "CpuBackend")).isFalse();
        assertThat(OneDnn.available()).isTrue();
        assertThat(OneDnn.version()).startsWith("2.5");
    }

    @Test
    void theProcessMapsExactlyOneOpenMpRuntime() throws IOException {
        assertThat(OneDnn.available()).isTrue();
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        List<String> gomp = maps.stream().filter(l -> l.contains("libgomp") || l.contains("libiomp") || l.contains("libomp."))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().collect(Collectors.toList());
        assertThat(gomp).as("OpenMP libraries mapped").hasSize(1);
        assertThat(gomp.get(0)).as("ND4J's own libgomp").contains("nd4j");
        assertThat(maps.stream().anyMatch(l -> l.contains("libdnnl.so"))).isTrue();
        assertThat(Loader.getLoadedLibraries()).containsKey("gomp@.1");
    }

    @Test
    void withDl4jLayersTheLstmIsDl4jsOwn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(OneDnnLstm.of(new LSTM.Builder().nIn(3).nOut(5).activation(Activation.TANH)
                        .dataFormat(RNNFormat.NCW).build()))
                .layer(new RnnOutputLayer.Builder(new LossMSE()).nIn(5).nOut(2).activation(Activation.IDENTITY)
                        .dataFormat(RNNFormat.NCW).build())
                .build());
        net.init();
        INDArray in = Nd4j.rand(DataType.FLOAT, 2, 3, 4);
        OneDnnLstmLayer layer = (OneDnnLstmLayer) net.getLayer(0);
        INDArray fast = net.output(in);
        assertThat(layer.usesOneDnn()).isTrue();
        String before = System.getProperty(LayerImplementation.PROPERTY);
        LayerImplementation.DL4J.select();
        try {
            assertThat(OneDnn.available()).isFalse();
            assertThat(OneDnn.unavailableReason()).isEqualTo("--impl dl4j");
            assertThat(layer.usesOneDnn()).isFalse();
            INDArray own = net.output(in);
            assertThat(own.equalsWithEps(fast, 1e-5)).isTrue();
            assertThat(ComputeBackend.describe().layers()).isEqualTo("dl4j");
        } finally {
            if (before == null) {
                System.clearProperty(LayerImplementation.PROPERTY);
            } else {
                System.setProperty(LayerImplementation.PROPERTY, before);
            }
        }
        assertThat(ComputeBackend.describe().layers()).startsWith("fast (oneDNN 2.5");
        assertThat(Map.of("impl", LayerImplementation.parse(" DL4J "))).containsValue(LayerImplementation.DL4J);
    }
}
