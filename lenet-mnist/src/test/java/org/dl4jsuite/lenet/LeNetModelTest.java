package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.shapes.ParameterTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class LeNetModelTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void hasTheReferenceLayersShapesAndParameterCounts() {
        ParameterTable table = ParameterTable.of(LeNetModel.build(new LeNetConfig(), 1), LeNetModel.INPUT);
        assertThat(table.rows()).extracting(ParameterTable.Row::outputShape)
                .containsExactly("6×24×24", "6×12×12", "16×8×8", "16×4×4", "120", "84", "10");
        assertThat(table.rows()).extracting(ParameterTable.Row::parameters)
                .containsExactly(156L, 0L, 2416L, 0L, 30840L, 10164L, 850L);
        assertThat(table.totalParameters()).isEqualTo(44_426L);
        assertThat(table.render()).contains("44,426");
    }

    @Test
    void outputsAProbabilityDistributionOverTenClasses() {
        MultiLayerNetwork net = LeNetModel.build(new LeNetConfig(), 1);
        var out = net.output(Nd4j.rand(5, 784));
        assertThat(out.shape()).containsExactly(5, 10);
        assertThat(out.sum(1).toDoubleVector()).containsOnly(new double[] {1, 1, 1, 1, 1},
                org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void initialisesWeightsLikePytorchUniformOverOneOverSqrtFanIn() {
        MultiLayerNetwork net = LeNetModel.build(new LeNetConfig(), 1);
        double bound = 1 / Math.sqrt(25);
        double maxAbs = net.getLayer(0).getParam("W").amaxNumber().doubleValue();
        assertThat(maxAbs).isLessThanOrEqualTo(bound).isGreaterThan(0.9 * bound);
        double fcBound = 1 / Math.sqrt(256);
        assertThat(net.getLayer(4).getParam("W").amaxNumber().doubleValue()).isLessThanOrEqualTo(fcBound)
                .isGreaterThan(0.9 * fcBound);
    }

    @Test
    void sameSeedSameWeights() {
        assertThat(LeNetModel.build(new LeNetConfig(), 9).params())
                .isEqualTo(LeNetModel.build(new LeNetConfig(), 9).params());
    }
}
