package org.dl4jsuite.common.workarounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The first-layer convolution's gradients equal DL4J's, its training steps too; it declines layers it does not cover. */
class InputConvolutionLayerTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static MultiLayerNetwork net(DataType type, ConvolutionMode mode) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(type).updater(new Adam(1e-2))
                .convolutionMode(mode).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).stride(1, 1).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).stride(2, 2).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(16, 16, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray[] batch(DataType type) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(type, 8, 256);
        INDArray y = Nd4j.zeros(type, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        return new INDArray[] {x, y};
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray[] xy) {
        net.setInput(xy[0]);
        net.setLabels(xy[1]);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    @Test
    void theGradientOfEveryParameterIsDl4jsInDouble() {
        INDArray[] xy = batch(DataType.DOUBLE);
        MultiLayerNetwork plain = net(DataType.DOUBLE, ConvolutionMode.Truncate);
        MultiLayerNetwork fast = net(DataType.DOUBLE, ConvolutionMode.Truncate);
        INDArray expected = gradient(plain, xy);
        assertThat(InputConvolutionLayer.installIn(fast)).isTrue();
        assertThat(fast.getLayer(0)).isInstanceOf(InputConvolutionLayer.class);
        INDArray actual = gradient(fast, xy);
        assertThat(expected.sub(actual).norm2Number().doubleValue() / expected.norm2Number().doubleValue())
                .isLessThan(1e-12);
        assertThat(fast.getLayer(0).getParam("W").sumNumber().doubleValue()).isNotZero();
    }

    @Test
    void trainingStepsMatchDl4jsInFloat() {
        INDArray[] xy = batch(DataType.FLOAT);
        MultiLayerNetwork plain = net(DataType.FLOAT, ConvolutionMode.Truncate);
        MultiLayerNetwork fast = net(DataType.FLOAT, ConvolutionMode.Truncate);
        InputConvolutionLayer.installIn(fast);
        for (int step = 0; step < 5; step++) {
            plain.fit(xy[0], xy[1]);
            fast.fit(xy[0], xy[1]);
        }
        assertThat(plain.params().sub(fast.params()).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(fast.score()).isCloseTo(plain.score(), offset(1e-5));
    }

    @Test
    void theInputGradientIsMarkedNotComputedAndSameModeIsDeclined() {
        MultiLayerNetwork fast = net(DataType.FLOAT, ConvolutionMode.Truncate);
        InputConvolutionLayer.installIn(fast);
        INDArray[] xy = batch(DataType.FLOAT);
        INDArray inputGradient = fast.calculateGradients(xy[0], xy[1], null, null).getSecond();
        assertThat(inputGradient.isNaN().all()).isTrue();
        assertThat(InputConvolutionLayer.installIn(fast)).as("idempotent").isTrue();
        MultiLayerNetwork same = net(DataType.FLOAT, ConvolutionMode.Same);
        assertThat(InputConvolutionLayer.installIn(same)).isFalse();
        assertThat(same.getLayer(0)).isNotInstanceOf(InputConvolutionLayer.class);
    }
}
