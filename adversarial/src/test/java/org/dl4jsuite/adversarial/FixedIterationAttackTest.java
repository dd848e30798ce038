package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The benchmark's attack loop: every iteration runs and reports, the first step is Adam's, the loss is the targets' cross-entropy. */
class FixedIterationAttackTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void runsEveryIterationWithoutStoppingAndReportsTheTargetCrossEntropy() {
        MultiLayerNetwork net = GradientSignAttackTest.linear(8);
        Classifier model = Dl4jClassifier.of(net, GradientSignAttackTest.CLASSES);
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 8);
        int[] targets = {2, 2, 0, 1};
        double lr = 0.01;
        List<FixedIterationAttack.Iteration> seen = new ArrayList<>();
        INDArray adversarial = new FixedIterationAttack(lr, 1).run(model, x, targets, seen::add);

        INDArray p = net.output(x, false);
        double expectedLoss = 0;
        for (int i = 0; i < 4; i++) {
            expectedLoss -= Math.log(p.getDouble(i, targets[i])) / 4;
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).number()).isEqualTo(1);
        assertThat(seen.get(0).meanLoss()).isCloseTo(expectedLoss, offset(1e-5));
        // Adam's first step is lr · sign(g): m̂ / √v̂ = g / |g|.
        INDArray gradient = p.sub(PixelBall.oneHot(targets, 3)).mmul(net.getParam("0_W").transpose());
        INDArray expected = PixelBall.clip(x.sub(Transforms.sign(gradient).mul(lr)));
        assertThat(adversarial.equalsWithEps(expected, 1e-5)).as("%s vs %s", adversarial, expected).isTrue();
        assertThat(x.equalsWithEps(adversarial, 1e-9)).as("the input is left as it was").isFalse();

        List<FixedIterationAttack.Iteration> many = new ArrayList<>();
        new FixedIterationAttack(0.05, 30).run(model, x, targets, many::add);
        assertThat(many).extracting(FixedIterationAttack.Iteration::number).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(many.get(29).meanLoss()).isLessThan(many.get(0).meanLoss());
        assertThat(many.get(29).targetRate()).isGreaterThanOrEqualTo(many.get(0).targetRate());
    }

    @Test
    void badSettingsAreUserErrors() {
        assertThatThrownBy(() -> new FixedIterationAttack(0, 20)).isInstanceOf(SuiteException.class).hasMessageContaining("--lr");
        assertThatThrownBy(() -> new FixedIterationAttack(0.005, 0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("--iterations");
        MultiLayerNetwork net = GradientSignAttackTest.linear(8);
        assertThatThrownBy(() -> new FixedIterationAttack(0.005, 2).run(Dl4jClassifier.of(net, GradientSignAttackTest.CLASSES),
                Nd4j.rand(DataType.FLOAT, 4, 8), new int[] {0, 1}, it -> { })).isInstanceOf(SuiteException.class)
                .hasMessageContaining("4 examples but 2 targets");
    }
}
