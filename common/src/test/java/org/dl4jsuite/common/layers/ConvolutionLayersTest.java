package org.dl4jsuite.common.layers;

import static org.dl4jsuite.common.layers.GradientProofs.normal;
import static org.dl4jsuite.common.layers.GradientProofs.oneHot;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ConvolutionLayersTest {
    /** 2 channels of 7×6: awkward sizes so that stride, padding and dilation all matter. */
    private static final InputType INPUT = InputType.convolutional(7, 6, 2);
    private final INDArray x = normal(11, 3, 2, 7, 6);
    private final INDArray y = oneHot(12, 3, 4);

    @BeforeAll
    static void doubles() {
        GradientProofs.useDoublePrecision();
    }

    @AfterAll
    static void floats() {
        GradientProofs.restoreFloat();
    }

    private static Conv2D conv() {
        return new Conv2D(3, 3, 2).stride(2, 1).padding(1, 1).dilation(2, 1);
    }

    /** Overlapping windows (stride 1 < size 2), so max-pool gradients must accumulate. */
    private static Pool2D pool(Pool2D.Kind kind) {
        return new Pool2D(kind, 2, 1);
    }

    private static MultiLayerNetwork handDerived(Pool2D.Kind kind) {
        return GradientProofs.network(INPUT, conv(), new StableSigmoid(), pool(kind), new Affine(5), new Relu(),
                new SoftmaxCrossEntropy(4));
    }

    @ParameterizedTest
    @EnumSource(Pool2D.Kind.class)
    void parameterGradientsPassDl4jGradientCheck(Pool2D.Kind kind) {
        GradientProofs.assertParameterGradientsPass(handDerived(kind), x, y);
    }

    @ParameterizedTest
    @EnumSource(Pool2D.Kind.class)
    void inputGradientMatchesFiniteDifferences(Pool2D.Kind kind) {
        GradientProofs.assertInputGradientPasses(handDerived(kind), x, y);
    }

    @ParameterizedTest
    @EnumSource(Pool2D.Kind.class)
    void equalsDl4jConvolutionAndSubsamplingLayers(Pool2D.Kind kind) {
        MultiLayerNetwork handDerived = GradientProofs.network(INPUT, conv(), pool(kind), new SoftmaxCrossEntropy(4));
        MultiLayerNetwork reference = GradientProofs.network(INPUT,
                new ConvolutionLayer.Builder(3, 2).nOut(3).stride(2, 1).padding(1, 1).dilation(2, 1)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build(),
                new SubsamplingLayer.Builder(kind == Pool2D.Kind.MAX ? SubsamplingLayer.PoolingType.MAX
                        : SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).build(),
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build());
        GradientProofs.assertSameAsReference(handDerived, reference, x, y, UnaryOperator.identity());
    }

    @Test
    void im2colAndCol2imAreAdjoint() {
        // <im2col(x), c> = <x, col2im(c)> for any x, c: col2im is the transpose of the gather.
        ConvGeometry g = conv().geometry(2, 7, 6);
        double[] images = normal(13, 3 * 2 * 7 * 6).toDoubleVector();
        double[] cols = normal(14, (long) g.patchSize() * 3 * g.outHeight() * g.outWidth()).toDoubleVector();
        double left = dot(Im2Col.im2col(images, 3, g), cols);
        double right = dot(images, Im2Col.col2im(cols, 3, g));
        org.assertj.core.api.Assertions.assertThat(left).isCloseTo(right, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
