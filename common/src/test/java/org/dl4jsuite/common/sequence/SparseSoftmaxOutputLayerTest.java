package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.onednn.OneDnnLstm;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/** The fused sparse softmax cross-entropy output layer against DL4J's RnnOutputLayer from the same weights. */
class SparseSoftmaxOutputLayerTest {
    private static final int VOCAB = 37;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** Embedding → LSTM (oneDNN's in float, DL4J's in double) → output layer (fused or DL4J's). */
    private static MultiLayerNetwork network(boolean fast, DataType type) {
        Function<RnnOutputLayer, Layer> output = fast ? SparseSoftmaxOutput::of : o -> o;
        Function<LSTM, Layer> lstm = fast && type == DataType.FLOAT ? OneDnnLstm::of : l -> l;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Sgd(0.1)).dataType(type)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(VOCAB).nOut(8).outputDataFormat(RNNFormat.NCW).build())
                .layer(lstm.apply(new LSTM.Builder().nIn(8).nOut(16).activation(Activation.TANH)
                        .dataFormat(RNNFormat.NCW).build()))
                .layer(output.apply(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(16).nOut(VOCAB)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build()))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray tokens(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextDouble(new long[] {5, 1, 7}).muli(VOCAB)
                .castTo(DataType.INT32).castTo(DataType.FLOAT);
    }

    private static double relativeError(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        return x.sub(y).norm2Number().doubleValue() / y.norm2Number().doubleValue();
    }

    private static void assertSameAsDl4j(DataType type, double tolerance) {
        MultiLayerNetwork fused = network(true, type);
        MultiLayerNetwork plain = network(false, DataType.DOUBLE);
        plain.setParams(fused.params().castTo(DataType.DOUBLE));
        assertThat(fused.getLayer(2)).isInstanceOf(SparseSoftmaxOutputLayer.class);
        assertThat(((SparseSoftmaxOutputLayer) fused.getLayer(2)).fused()).isTrue();
        INDArray in = tokens(1);
        INDArray labels = tokens(2);
        fused.setInput(in.castTo(type));
        fused.setLabels(labels.castTo(type));
        fused.computeGradientAndScore();
        plain.setInput(in.castTo(DataType.DOUBLE));
        plain.setLabels(labels.castTo(DataType.DOUBLE));
        plain.computeGradientAndScore();
        assertThat(Math.abs(fused.score() - plain.score()) / plain.score()).isLessThan(tolerance);
        for (String key : List.of("2_W", "2_b", "1_W", "1_RW", "1_b", "0_W")) {
            assertThat(relativeError(fused.gradient().getGradientFor(key), plain.gradient().getGradientFor(key)))
                    .as(key).isLessThan(tolerance);
        }
        INDArray a = fused.output(in.castTo(type));
        INDArray b = plain.output(in.castTo(DataType.DOUBLE));
        assertThat(a.shape()).isEqualTo(b.shape());
        assertThat(relativeError(a, b)).isLessThan(tolerance);
    }

    @Test
    void scoreAndGradientsEqualDl4jsInDouble() {
        assertSameAsDl4j(DataType.DOUBLE, 1e-10);
    }

    @Test
    void afterTheOneDnnLstmTheFloatStepEqualsDl4jsDouble() {
        assertSameAsDl4j(DataType.FLOAT, 1e-5);
    }

    @Test
    void timeMajorMemoryGivesRowsWithoutACopy() {
        INDArray tnc = Nd4j.rand(DataType.FLOAT, 4, 3, 2);
        INDArray ncw = tnc.permute(1, 2, 0);
        INDArray rows = SparseSoftmaxOutputLayer.timeMajorRows(ncw,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces(),
                org.deeplearning4j.nn.workspace.ArrayType.FF_WORKING_MEM);
        assertThat(rows.shape()).containsExactly(12, 2);
        assertThat(rows.getFloat(1 * 3 + 2, 1)).isEqualTo(ncw.getFloat(2, 1, 1)); // row t·N + n
        tnc.putScalar(1, 2, 1, 42f);
        assertThat(rows.getFloat(5, 1)).as("a view").isEqualTo(42f);
        INDArray copied = SparseSoftmaxOutputLayer.timeMajorRows(ncw.dup('c'),
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces(),
                org.deeplearning4j.nn.workspace.ArrayType.FF_WORKING_MEM);
        assertThat(copied.equalsWithEps(rows, 0)).isTrue();
    }

    @Test
    void theConfigurationSurvivesJson() {
        MultiLayerNetwork net = network(true, DataType.FLOAT);
        MultiLayerConfiguration rebuilt = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertThat(rebuilt.getConf(2).getLayer()).isInstanceOf(SparseSoftmaxOutput.class)
                .isEqualTo(net.getLayerWiseConfigurations().getConf(2).getLayer());
    }
}
