package org.dl4jsuite.common.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/** TorchAdam's steps are torch.optim.Adam's, written out; ND4J's own Adam differs where gradients are tiny. */
class TorchAdamTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** torch.optim.Adam's update (to subtract) for a gradient sequence, in double. */
    private static double[][] torchSteps(double[][] gradients, double lr) {
        int n = gradients[0].length;
        double[] m = new double[n];
        double[] v = new double[n];
        double[][] updates = new double[gradients.length][n];
        for (int t = 1; t <= gradients.length; t++) {
            for (int i = 0; i < n; i++) {
                double g = gradients[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                updates[t - 1][i] = lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return updates;
    }

    private static double[][] updaterSteps(Adam config, double[][] gradients) {
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 2L * gradients[0].length);
        GradientUpdater<?> updater = config.instantiate(state, true);
        double[][] updates = new double[gradients.length][];
        for (int t = 0; t < gradients.length; t++) {
            INDArray g = Nd4j.createFromArray(gradients[t].clone());
            updater.applyUpdater(g, t, 0);
            updates[t] = g.toDoubleVector();
        }
        return updates;
    }

    @Test
    void itsUpdatesAreTorchsIncludingForTinyGradients() {
        // Ordinary, tiny (1e-9 and 1e-7, where ε matters) and zero-after-nonzero gradients.
        double[][] gradients = {{0.5, -2e-3, 1e-9, 1e-7, 0.3}, {0.4, -1e-3, -1e-9, 2e-7, 0.0}, {-0.1, 5e-3, 1e-9, 1e-7, 0.0}};
        double[][] expected = torchSteps(gradients, 3e-3);
        double[][] torchAdam = updaterSteps(new TorchAdam(3e-3), gradients);
        double[][] nd4jAdam = updaterSteps(new Adam(3e-3), gradients);
        for (int t = 0; t < gradients.length; t++) {
            for (int i = 0; i < gradients[t].length; i++) {
                assertThat(torchAdam[t][i]).as("step %d, element %d", t + 1, i).isCloseTo(expected[t][i], within(1e-12));
            }
        }
        // ND4J's own Adam: the 1e-9 gradient's first step is 3e-3·1e-9/(1e-9 + 3.2e-7), not ~3e-3·0.09.
        assertThat(Math.abs(nd4jAdam[0][2] - expected[0][2])).isGreaterThan(1e-4);
    }

    @Test
    void survivesTheConfigurationJsonAndCopies() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(new TorchAdam(2e-3)).list()
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).build()).build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        Object updater = ((BaseLayer) back.getConf(0).getLayer()).getIUpdater();
        assertThat(updater).isInstanceOf(TorchAdam.class);
        assertThat(((TorchAdam) updater).getLearningRate()).isEqualTo(2e-3);
        assertThat(new TorchAdam(2e-3).clone()).isInstanceOf(TorchAdam.class).isEqualTo(new TorchAdam(2e-3))
                .isNotEqualTo(new Adam(2e-3));
    }
}
