package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Global-norm clipping and the per-token mean, as the truncated-BPTT step applies them. */
class GlobalNormClippingTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void scalesTheWholeVectorToTheMaximumNormOnlyWhenAbove() {
        GlobalNormClipping clipping = new GlobalNormClipping(1.0);
        INDArray g = Nd4j.createFromArray(3.0f, 4.0f);
        assertThat(clipping.clip(g, 1)).isCloseTo(5.0, offset(1e-6));
        assertThat(g.getDouble(0)).isCloseTo(0.6, offset(1e-5));
        assertThat(g.getDouble(1)).isCloseTo(0.8, offset(1e-5));
        INDArray small = Nd4j.createFromArray(0.3f, 0.4f);
        clipping.clip(small, 1);
        assertThat(small.getDouble(1)).isEqualTo(0.4f);
        // summed over a batch of 10 the norm of the mean is 0.5: under 1, untouched
        INDArray scaled = Nd4j.createFromArray(3.0f, 4.0f);
        assertThat(clipping.clip(scaled, 10)).isCloseTo(0.5, offset(1e-6));
        assertThat(scaled.getDouble(0)).isEqualTo(3.0f);
    }

    @Test
    void thePerTokenMeanDividesTheLossAndTheGradientByTheWindow() {
        TokenMean perToken = new TokenMean(4);
        assertThat(perToken.loss(10.0)).isEqualTo(2.5);
        INDArray g = Nd4j.createFromArray(4.0f, 8.0f);
        perToken.scale(g);
        assertThat(g.toFloatVector()).containsExactly(1.0f, 2.0f);
    }
}
