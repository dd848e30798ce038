package org.dl4jsuite.common.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The oneDNN convolution, pooling and dense layers against DL4J's own (double precision, whose gradients DL4J's
 * gradient checks prove) from the same weights: outputs, every parameter gradient, the input gradient.
 */
class OneDnnConvolutionLayerTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /**
     * A small LeNet: conv 3×3 (padding 1, ReLU) → max-pool → conv 3×3 stride 2 (identity) → avg-pool → dense (ReLU)
     * → dense (identity) → softmax cross-entropy.
     */
    private static MultiLayerNetwork network(boolean oneDnn, DataType type) {
        Function<ConvolutionLayer, Layer> conv = oneDnn ? OneDnnConvolution::of : c -> c;
        Function<SubsamplingLayer, Layer> pool = oneDnn ? OneDnnSubsampling::of : p -> p;
        Function<DenseLayer, Layer> dense = oneDnn ? OneDnnDense::of : d -> d;
        Function<OutputLayer, Layer> output = oneDnn ? OneDnnSoftmaxOutput::of : o -> o;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).updater(new Sgd(0.1)).dataType(type)
                .list()
                .layer(conv.apply(new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1).activation(Activation.RELU).build()))
                .layer(pool.apply(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build()))
                .layer(conv.apply(new ConvolutionLayer.Builder(3, 3).nOut(5).stride(2, 2).activation(Activation.IDENTITY).build()))
                .layer(pool.apply(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(1, 1).build()))
                .layer(dense.apply(new DenseLayer.Builder().nOut(7).activation(Activation.RELU).build()))
                .layer(dense.apply(new DenseLayer.Builder().nOut(6).activation(Activation.IDENTITY).build()))
                .layer(output.apply(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build()))
                .setInputType(InputType.convolutional(14, 14, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double relativeError(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        return x.sub(y).norm2Number().doubleValue() / y.norm2Number().doubleValue();
    }

    @Test
    void gradientsAndOutputsEqualDl4jsInDouble() {
        MultiLayerNetwork fast = network(true, DataType.FLOAT);
        MultiLayerNetwork exact = network(false, DataType.DOUBLE);
        exact.setParams(fast.params().castTo(DataType.DOUBLE));
        assertThat(fast.getLayer(0)).isInstanceOf(OneDnnConvolutionLayer.class);
        assertThat(fast.getLayer(1)).isInstanceOf(OneDnnSubsamplingLayer.class);
        assertThat(((OneDnnConvolutionLayer) fast.getLayer(0)).usesOneDnn()).isTrue();
        assertThat(fast.getLayer(4)).isInstanceOf(OneDnnDenseLayer.class);
        assertThat(((OneDnnDenseLayer) fast.getLayer(5)).usesOneDnn()).isTrue();
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 2, 14, 14).subi(0.5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        Pair<Gradient, INDArray> a = fast.calculateGradients(x, y, null, null);
        Pair<Gradient, INDArray> b = exact.calculateGradients(x.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE), null, null);
        assertThat(((OneDnnSoftmaxOutputLayer) fast.getLayer(6)).fused()).isTrue();
        for (String key : List.of("0_W", "0_b", "2_W", "2_b", "4_W", "4_b", "5_W", "5_b", "6_W", "6_b")) {
            assertThat(relativeError(a.getFirst().getGradientFor(key), b.getFirst().getGradientFor(key))).as(key)
                    .isLessThan(1e-5);
        }
        assertThat(relativeError(a.getSecond(), b.getSecond())).as("input gradient").isLessThan(1e-5);
        assertThat(relativeError(fast.output(x), exact.output(x.castTo(DataType.DOUBLE)))).isLessThan(1e-5);
        fast.setInput(x);
        fast.setLabels(y);
        fast.computeGradientAndScore();
        exact.setInput(x.castTo(DataType.DOUBLE));
        exact.setLabels(y.castTo(DataType.DOUBLE));
        exact.computeGradientAndScore();
        assertThat(fast.score()).as("the score cached by the fused output layer").isCloseTo(exact.score(),
                org.assertj.core.data.Offset.offset(1e-5 * exact.score()));
        assertThat(fast.score()).isCloseTo(fast.score(new org.nd4j.linalg.dataset.DataSet(x, y)),
                org.assertj.core.data.Offset.offset(1e-5 * exact.score()));
    }

    @Test
    void fiveTrainingStepsEqualDl4jsLayers() {
        MultiLayerNetwork fast = network(true, DataType.FLOAT);
        MultiLayerNetwork own = network(false, DataType.FLOAT);
        own.setParams(fast.params());
        for (int step = 0; step < 5; step++) {
            Nd4j.getRandom().setSeed(40 + step);
            INDArray x = Nd4j.rand(DataType.FLOAT, 4 + step % 2, 2, 14, 14).subi(0.5);
            INDArray y = Nd4j.zeros(DataType.FLOAT, x.size(0), 3);
            for (int i = 0; i < x.size(0); i++) {
                y.putScalar(i, (i + step) % 3, 1);
            }
            fast.fit(x, y);
            own.fit(x, y);
        }
        assertThat(relativeError(fast.params(), own.params())).isLessThan(1e-5);
    }

    @Test
    void theFirstLayerCanSkipItsInputGradient() {
        MultiLayerNetwork fast = network(true, DataType.FLOAT);
        MultiLayerNetwork full = network(true, DataType.FLOAT);
        full.setParams(fast.params());
        ((OneDnnConvolutionLayer) fast.getLayer(0)).skipInputGradient();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 14, 14);
        INDArray y = Nd4j.eye(3).castTo(DataType.FLOAT);
        Pair<Gradient, INDArray> skipped = fast.calculateGradients(x, y, null, null);
        Pair<Gradient, INDArray> computed = full.calculateGradients(x, y, null, null);
        assertThat(skipped.getSecond().isNaN().all()).isTrue();
        assertThat(skipped.getFirst().gradient().equalsWithEps(computed.getFirst().gradient(), 1e-6)).isTrue();
    }

    @Test
    void frozenParametersGiveTheSameInputGradientWithoutParameterGradients() {
        MultiLayerNetwork frozen = network(true, DataType.FLOAT);
        MultiLayerNetwork live = network(true, DataType.FLOAT);
        live.setParams(frozen.params());
        ((OneDnnConvolutionLayer) frozen.getLayer(0)).freezeParameters();
        ((OneDnnConvolutionLayer) frozen.getLayer(2)).freezeParameters();
        INDArray y = Nd4j.eye(3).castTo(DataType.FLOAT);
        Pair<Gradient, INDArray> a = null;
        Pair<Gradient, INDArray> b = null;
        for (int call = 0; call < 2; call++) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 14, 14);
            a = frozen.calculateGradients(x, y, null, null);
            b = live.calculateGradients(x, y, null, null);
            assertThat(a.getSecond().equalsWithEps(b.getSecond(), 1e-6)).as("call %d", call).isTrue();
            assertThat(a.getFirst().getGradientFor("4_W").equalsWithEps(b.getFirst().getGradientFor("4_W"), 1e-6)).isTrue();
        }
        assertThat(a.getFirst().getGradientFor("0_W")).as("no parameter gradient for a frozen convolution").isNull();
        assertThat(b.getFirst().getGradientFor("0_W")).isNotNull();
    }

    @Test
    void theConfigurationSurvivesJson() {
        MultiLayerNetwork net = network(true, DataType.FLOAT);
        MultiLayerConfiguration rebuilt = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertThat(rebuilt.getConf(0).getLayer()).isInstanceOf(OneDnnConvolution.class)
                .isEqualTo(net.getLayerWiseConfigurations().getConf(0).getLayer());
        assertThat(rebuilt.getConf(3).getLayer()).isInstanceOf(OneDnnSubsampling.class)
                .isEqualTo(net.getLayerWiseConfigurations().getConf(3).getLayer());
        assertThat(rebuilt.getConf(4).getLayer()).isInstanceOf(OneDnnDense.class)
                .isEqualTo(net.getLayerWiseConfigurations().getConf(4).getLayer());
        assertThat(rebuilt.getConf(6).getLayer()).isInstanceOf(OneDnnSoftmaxOutput.class)
                .isEqualTo(net.getLayerWiseConfigurations().getConf(6).getLayer());
        MultiLayerNetwork again = new MultiLayerNetwork(rebuilt);
        again.init(net.params().dup(), false);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, 14, 14);
        assertThat(again.output(x).equalsWithEps(net.output(x), 1e-6)).isTrue();
    }
}
