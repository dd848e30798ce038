package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/** FGSM against the analytic step on a linear softmax model; PGD's ball and box constraints. */
class GradientSignAttackTest {
    static final List<String> CLASSES = List.of("a", "b", "c");

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    static MultiLayerNetwork linear(int inputs) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(11).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(inputs).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void fgsmOnALinearModelIsTheSignOfTheAnalyticGradient() {
        MultiLayerNetwork net = linear(8);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 8);
        int[] labels = {0, 1, 2, 1};
        double eps = 0.05;
        INDArray adversarial = GradientSignAttack.fgsm(eps).run(Dl4jClassifier.of(net, CLASSES), x, labels, null).adversarial();
        // Softmax regression: ∂CE/∂x = (p − y)·Wᵀ with DL4J's W of shape [in, out].
        INDArray w = net.getParam("0_W");
        INDArray p = net.output(x, false);
        INDArray gradient = p.sub(PixelBall.oneHot(labels, 3)).mmul(w.transpose());
        INDArray expected = PixelBall.clip(x.add(Transforms.sign(gradient).mul(eps)));
        assertThat(adversarial.equalsWithEps(expected, 1e-6)).as("%s vs %s", adversarial, expected).isTrue();

        int[] targets = {2, 2, 0, 0};
        INDArray targeted = GradientSignAttack.fgsm(eps).run(Dl4jClassifier.of(net, CLASSES), x, labels, targets).adversarial();
        INDArray towards = p.sub(PixelBall.oneHot(targets, 3)).mmul(w.transpose());
        assertThat(targeted.equalsWithEps(PixelBall.clip(x.sub(Transforms.sign(towards).mul(eps))), 1e-6)).isTrue();
    }

    @Test
    void pgdStaysInTheBallAndInThePixelRange() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(2).list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        Classifier model = Dl4jClassifier.of(net, CLASSES);
        Nd4j.getRandom().setSeed(4);
        // Many pixels at 0 or 1, where the clip matters.
        INDArray x = Transforms.round(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 6, 20).muli(1.4).subi(0.2), false);
        x = PixelBall.clip(x.addi(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 6, 20).muli(0.1)));
        int[] labels = {0, 1, 2, 0, 1, 2};
        for (double eps : new double[] {0.03, 0.3}) {
            INDArray linf = GradientSignAttack.pgd(GradientSignAttack.Norm.LINF, eps, eps / 4, 10, 7)
                    .run(model, x, labels, null).adversarial();
            assertThat(Transforms.abs(linf.sub(x)).maxNumber().doubleValue()).isLessThanOrEqualTo(eps + 1e-6);
            assertThat(linf.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
            assertThat(linf.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
            INDArray l2 = GradientSignAttack.pgd(GradientSignAttack.Norm.L2, eps, eps / 4, 10, 7)
                    .run(model, x, labels, new int[] {1, 2, 0, 1, 2, 0}).adversarial();
            assertThat(l2.sub(x).norm2(1).maxNumber().doubleValue()).isLessThanOrEqualTo(eps + 1e-6);
            assertThat(l2.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
            assertThat(l2.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
            assertThat(l2.sub(x).norm2Number().doubleValue()).isGreaterThan(0);
        }
    }

    @Test
    void nonPositiveEpsIsAUserError() {
        assertThatThrownBy(() -> GradientSignAttack.fgsm(0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("--eps must be positive");
        assertThatThrownBy(() -> GradientSignAttack.pgd(GradientSignAttack.Norm.L2, -0.1, 0.01, 3, 1))
                .isInstanceOf(SuiteException.class);
    }
}
