package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The negative log-likelihood read in place from a softmax output [B, V, T], in either memory order. */
class StreamLossTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void sumsMinusLnOfEachTargetsProbabilityInCAndFOrder() {
        // B = 2, V = 3, T = 2; out[b, v, t] = (1 + v + 3t + 6b) / 100.
        INDArray c = Nd4j.create(new float[2 * 3 * 2], new long[] {2, 3, 2}, 'c');
        for (int b = 0; b < 2; b++) {
            for (int v = 0; v < 3; v++) {
                for (int t = 0; t < 2; t++) {
                    c.putScalar(new long[] {b, v, t}, (1 + v + 3 * t + 6 * b) / 100.0);
                }
            }
        }
        int[][] target = {{2, 0}, {1, 1}};
        double expected = -(Math.log(0.03) + Math.log(0.04) + Math.log(0.08) + Math.log(0.11));
        assertThat(StreamLoss.negativeLogLikelihood(c, target)).isCloseTo(expected, within(1e-6));
        assertThat(StreamLoss.negativeLogLikelihood(c.dup('f'), target)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void aZeroProbabilityCountsAsOneIn1e30() {
        INDArray out = Nd4j.zeros(1, 2, 1);
        assertThat(StreamLoss.negativeLogLikelihood(out, new int[][] {{1}})).isCloseTo(-Math.log(1e-30), within(1e-9));
    }
}
