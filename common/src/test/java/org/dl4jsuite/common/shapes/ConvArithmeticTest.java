package org.dl4jsuite.common.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvArithmeticTest {

    @Test
    void knownValues() {
        assertThat(ConvArithmetic.outputSize(28, 5, 1, 0, 0, 1)).isEqualTo(24);
        assertThat(ConvArithmetic.outputSize(24, 2, 2, 0, 0, 1)).isEqualTo(12);
        assertThat(ConvArithmetic.outputSize(28, 5, 1, 2)).isEqualTo(28);
        // Truncation: (10 - 3) / 2 = 3.5 floors to 3, so 4 outputs.
        assertThat(ConvArithmetic.outputSize(10, 3, 2, 0, 0, 1)).isEqualTo(4);
        // Dilation 2 turns a 3-kernel into an effective 5-kernel.
        assertThat(ConvArithmetic.outputSize(10, 3, 1, 0, 0, 2)).isEqualTo(6);
        // Asymmetric padding adds up.
        assertThat(ConvArithmetic.outputSize(7, 3, 2, 0, 1, 1)).isEqualTo(3);
        assertThat(ConvArithmetic.outputSize(5, 5, 1, 0, 0, 1)).isEqualTo(1);
    }

    @Test
    void kernelLargerThanPaddedInputIsRejectedWithTheValues() {
        assertThatThrownBy(() -> ConvArithmetic.outputSize(4, 3, 1, 0, 0, 2))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("input 4")
                .hasMessageContaining("kernel 3")
                .hasMessageContaining("dilation 2")
                .hasMessageContaining("effective kernel of 5");
    }

    @Test
    void nonPositiveArgumentsAreRejected() {
        assertThatThrownBy(() -> ConvArithmetic.outputSize(28, 5, 0, 0, 0, 1))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("stride 0");
        assertThatThrownBy(() -> ConvArithmetic.outputSize(28, 5, 1, -1, 0, 1))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("padding -1+0");
    }

    /** Each row: height, width, kernel h/w, stride h/w, padding h/w, dilation h/w, pool kernel, pool stride. */
    @ParameterizedTest
    @CsvSource({
        "28, 28, 5, 5, 1, 1, 0, 0, 1, 1, 2, 2",
        "32, 32, 3, 3, 1, 1, 1, 1, 1, 1, 2, 2",
        "27, 31, 3, 5, 2, 3, 1, 2, 1, 1, 3, 2",
        "30, 29, 3, 3, 1, 2, 0, 1, 2, 3, 2, 1",
        "64, 48, 7, 7, 2, 2, 3, 3, 1, 1, 3, 2",
        "17, 17, 4, 2, 3, 1, 0, 0, 2, 1, 2, 2",
    })
    void agreesWithDl4jShapeInference(int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw,
                                      int pool, int poolStride) {
        InputType input = InputType.convolutional(h, w, 3);
        MultiLayerConfiguration conf = convThenPool(input, kh, kw, sh, sw, ph, pw, dh, dw, pool, poolStride);
        List<InputType> types = conf.getLayerActivationTypes(input);

        int convH = ConvArithmetic.outputSize(h, kh, sh, ph, ph, dh);
        int convW = ConvArithmetic.outputSize(w, kw, sw, pw, pw, dw);
        assertThat(types.get(0).getShape(false)).containsExactly(4, convH, convW);
        assertThat(types.get(1).getShape(false)).containsExactly(4,
                ConvArithmetic.outputSize(convH, pool, poolStride, 0, 0, 1),
                ConvArithmetic.outputSize(convW, pool, poolStride, 0, 0, 1));
    }

    @Test
    void agreesWithTheShapeOfARealForwardPass() {
        InputType input = InputType.convolutional(30, 29, 3);
        MultiLayerNetwork net = new MultiLayerNetwork(convThenPool(input, 3, 3, 1, 2, 0, 1, 2, 3, 2, 1));
        net.init();

        INDArray out = net.output(Nd4j.zeros(2, 3, 30, 29));

        int convH = ConvArithmetic.outputSize(30, 3, 1, 0, 0, 2);
        int convW = ConvArithmetic.outputSize(29, 3, 2, 1, 1, 3);
        assertThat(out.shape()).containsExactly(2, 4,
                ConvArithmetic.outputSize(convH, 2, 1, 0, 0, 1), ConvArithmetic.outputSize(convW, 2, 1, 0, 0, 1));
    }

    private static MultiLayerConfiguration convThenPool(InputType input, int kh, int kw, int sh, int sw, int ph, int pw,
                                                       int dh, int dw, int pool, int poolStride) {
        return new NeuralNetConfiguration.Builder()
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(kh, kw).stride(sh, sw).padding(ph, pw).dilation(dh, dw)
                        .nOut(4).activation(Activation.IDENTITY).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(pool, pool).stride(poolStride, poolStride).build())
                .setInputType(input)
                .build();
    }
}
