package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The weight average follows the reference's update, is evaluated without disturbing training, and resumes exactly. */
class AveragedWeightsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void theAverageIsDecayTimesTheAverageAndTheRestTheNewWeights() {
        MultiLayerNetwork net = TinyClassifier.network(5);
        INDArray w0 = net.params().dup();
        AveragedWeights average = new AveragedWeights(net, 0.9);
        FeedForwardStep step = new FeedForwardStep(net);
        DataSet batch = TinyClassifier.data(32, 32, 5).epoch(0, 0).next();
        step.fit(batch);
        average.onStep(null);
        INDArray w1 = net.params().dup();
        step.fit(batch);
        average.onStep(null);
        INDArray w2 = net.params().dup();
        INDArray expected = w0.mul(0.81).addi(w1.mul(0.09)).addi(w2.mul(0.1));
        INDArray seen = average.withAverage(() -> net.params().dup());
        assertThat(seen.equalsWithEps(expected, 1e-6)).isTrue();
        assertThat(net.params()).isEqualTo(w2);

        average.save(tmp);
        AveragedWeights resumed = new AveragedWeights(net, 0.9);
        resumed.restore(tmp);
        assertThat(resumed.withAverage(() -> net.params().dup()).equalsWithEps(expected, 1e-6)).isTrue();
        resumed.install();
        assertThat(net.params().equalsWithEps(expected, 1e-6)).isTrue();
    }
}
