package org.dl4jsuite.common.layers;

import static org.dl4jsuite.common.layers.GradientProofs.assertClose;
import static org.dl4jsuite.common.layers.GradientProofs.normal;
import static org.dl4jsuite.common.layers.SequenceFixtures.FEATURES;
import static org.dl4jsuite.common.layers.SequenceFixtures.N;
import static org.dl4jsuite.common.layers.SequenceFixtures.SEQUENCES;
import static org.dl4jsuite.common.layers.SequenceFixtures.T;
import static org.dl4jsuite.common.layers.SequenceFixtures.UNITS;
import static org.dl4jsuite.common.layers.SequenceFixtures.oneHotSequence;
import static org.dl4jsuite.common.layers.SequenceFixtures.withOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * AttentionRNN(k) has no DL4J twin: its hand-derived BPTT is proven by GradientCheckUtil and input finite differences,
 * and its forward and backward are judged against SameDiff's autodiff of the same computation unrolled in a graph.
 */
class AttentionRnnTest {
    /** k = 2 past states over T = 6 steps: the first two steps attend to zero states before the start. */
    private static final int WINDOW = 2;
    private final INDArray x = normal(41, N, FEATURES, T);
    private final INDArray y = oneHotSequence(42);

    @BeforeAll
    static void doubles() {
        GradientProofs.useDoublePrecision();
    }

    @AfterAll
    static void floats() {
        GradientProofs.restoreFloat();
    }

    @Test
    void parameterAndInputGradientsPass() {
        // The score sums 6 steps (≈ 6.7), so finite differences carry ~1.5e-9 of rounding: one W_h entry with a
        // 2.5e-5 gradient missed by 1.4e-9 at the suite's usual 1e-9 floor. DL4J's default floor, 1e-8, is used
        // here; the SameDiff comparison below holds the same gradients to 1e-10.
        GradientProofs.assertParameterGradientsPass(withOutput(SEQUENCES, new AttentionRnn(UNITS, WINDOW)), x, y, 1e-8);
        GradientProofs.assertInputGradientPasses(withOutput(SEQUENCES, new AttentionRnn(UNITS, WINDOW)), x, y);
    }

    @Test
    void forwardAndBackwardEqualSameDiffAutodiff() {
        MultiLayerNetwork net = withOutput(SEQUENCES, new AttentionRnn(UNITS, WINDOW));
        net.initGradientsView(); // the layer writes its gradients into the network's gradient views
        Layer layer = net.getLayer(0);
        INDArray upstream = normal(43, N, UNITS, T);
        INDArray output = layer.activate(x, true, LayerWorkspaceMgr.noWorkspaces()).dup();
        var backward = layer.backpropGradient(upstream, LayerWorkspaceMgr.noWorkspaces());

        SameDiff sd = SameDiff.create();
        SDVariable h = unrolled(sd, net.getParam("0_" + AttentionRnn.INPUT), net.getParam("0_" + AttentionRnn.STATES));
        // Loss Σ G ⊙ H: autodiff returns exactly the back-propagation of the upstream gradient G.
        h.mul(sd.constant("G", upstream)).sum().markAsLoss();
        Map<String, INDArray> autodiff = sd.calculateGradients(Map.of(), "x", "Wx", "Wh");

        assertClose("output", output, sd.output(Map.of(), h.name()).get(h.name()));
        assertClose("dWx", backward.getFirst().getGradientFor(AttentionRnn.INPUT).dup(), autodiff.get("Wx"));
        assertClose("dWh", backward.getFirst().getGradientFor(AttentionRnn.STATES).dup(), autodiff.get("Wh"));
        assertClose("dx", backward.getSecond(), autodiff.get("x"));
    }

    /** The layer's forward pass written as SameDiff ops, one step and slot at a time; returns H [N, UNITS, T]. */
    private SDVariable unrolled(SameDiff sd, INDArray wxValue, INDArray whValue) {
        SDVariable input = sd.var("x", x.dup());
        SDVariable wx = sd.var("Wx", wxValue.dup());
        SDVariable wh = sd.var("Wh", whValue.dup());
        SDVariable zero = sd.constant("zero", Nd4j.zeros(DataType.DOUBLE, N, UNITS));
        List<SDVariable> states = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            List<SDVariable> scores = new ArrayList<>();
            List<SDVariable> values = new ArrayList<>();
            for (int i = 0; i <= WINDOW; i++) {
                SDVariable source = i == 0 ? input.get(SDIndex.all(), SDIndex.all(), SDIndex.point(t))
                        : t - i >= 0 ? states.get(t - i) : zero;
                SDVariable weights = i == 0 ? wx : wh.get(SDIndex.interval((i - 1) * UNITS, i * UNITS), SDIndex.all());
                SDVariable z = source.mmul(weights);
                SDVariable q = z.get(SDIndex.all(), SDIndex.interval(0, UNITS));
                SDVariable k = z.get(SDIndex.all(), SDIndex.interval(UNITS, 2 * UNITS));
                values.add(z.get(SDIndex.all(), SDIndex.interval(2 * UNITS, 3 * UNITS)));
                scores.add(q.mul(k).sum(true, 1));
            }
            SDVariable a = sd.nn().softmax(sd.concat(1, scores.toArray(SDVariable[]::new)), 1);
            SDVariable h = values.get(0).mul(a.get(SDIndex.all(), SDIndex.interval(0, 1)));
            for (int i = 1; i <= WINDOW; i++) {
                h = h.add(values.get(i).mul(a.get(SDIndex.all(), SDIndex.interval(i, i + 1))));
            }
            states.add(h);
        }
        return sd.stack(2, states.toArray(SDVariable[]::new));
    }
}
