package org.dl4jsuite.common.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jsuite.common.layers.GradientProofs.normal;
import static org.dl4jsuite.common.layers.GradientProofs.oneHot;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FeedForwardLayersTest {
    private static final InputType INPUT = InputType.feedForward(6);
    private final INDArray x = normal(1, 4, 6);
    private final INDArray y = oneHot(2, 4, 3);

    @BeforeAll
    static void doubles() {
        GradientProofs.useDoublePrecision();
    }

    @AfterAll
    static void floats() {
        GradientProofs.restoreFloat();
    }

    private static MultiLayerNetwork handDerived() {
        return GradientProofs.network(INPUT, new Affine(5), new StableSigmoid(), new Affine(4), new Relu(),
                new SoftmaxCrossEntropy(3));
    }

    @Test
    void parameterGradientsPassDl4jGradientCheck() {
        GradientProofs.assertParameterGradientsPass(handDerived(), x, y);
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        GradientProofs.assertInputGradientPasses(handDerived(), x, y);
    }

    @Test
    void equalsDl4jDenseActivationAndOutputLayers() {
        MultiLayerNetwork reference = GradientProofs.network(INPUT,
                new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build(),
                new ActivationLayer(Activation.SIGMOID),
                new DenseLayer.Builder().nOut(4).activation(Activation.IDENTITY).build(),
                new ActivationLayer(Activation.RELU),
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build());
        GradientProofs.assertSameAsReference(handDerived(), reference, x, y, UnaryOperator.identity());
    }

    @Test
    void affineFlattensConvolutionalInputRowMajor() {
        MultiLayerNetwork net = GradientProofs.network(InputType.convolutional(3, 2, 2), new Affine(4),
                new SoftmaxCrossEntropy(3));
        INDArray images = normal(3, 4, 2, 3, 2);
        INDArray flat = images.reshape('c', 4, 12);
        INDArray expected = flat.mmul(net.getParam("0_W")).addiRowVector(net.getParam("0_b"));
        GradientProofs.assertClose("affine of the flattened image", net.feedForward(images, false).get(1), expected);
        GradientProofs.assertParameterGradientsPass(net, images, oneHot(4, 4, 3));
        GradientProofs.assertInputGradientPasses(net, images, oneHot(4, 4, 3));
    }

    @Test
    void sigmoidAndSoftmaxStayFiniteForHugeInputs() {
        INDArray huge = Nd4j.createFromArray(new double[][] {{-800, 0, 800}});
        assertThat(StableSigmoidLayer.sigmoid(huge).toDoubleVector()).containsExactly(0.0, 0.5, 1.0);
        assertThat(SoftmaxCrossEntropyLayer.logSoftmax(huge).toDoubleVector())
                .containsExactly(-1600.0, -800.0, 0.0);
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = handDerived().getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertThat(back).isEqualTo(conf);
        assertThat(back.getConf(0).getLayer()).isInstanceOf(Affine.class);
    }
}
