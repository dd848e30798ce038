package org.dl4jsuite.common.layers;

import static org.dl4jsuite.common.layers.GradientProofs.assertClose;
import static org.dl4jsuite.common.layers.GradientProofs.normal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference assignment's written gradient problems, each hand-derived answer judged by SameDiff's autodiff:
 * for an upstream gradient G the loss is Σ G ⊙ F(inputs), so autodiff returns exactly G's back-propagation.
 */
class WrittenProblemsTest {
    private final INDArray g = normal(31, 4, 3);

    @BeforeAll
    static void doubles() {
        GradientProofs.useDoublePrecision();
    }

    @AfterAll
    static void floats() {
        GradientProofs.restoreFloat();
    }

    /** Autodiff gradients of Σ upstream ⊙ f(inputs) with respect to each named input. */
    private static Map<String, INDArray> autodiff(INDArray upstream, Map<String, INDArray> inputs,
            Function<Map<String, SDVariable>, SDVariable> f) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new java.util.LinkedHashMap<>();
        inputs.forEach((name, value) -> vars.put(name, sd.var(name, value)));
        SDVariable loss = f.apply(vars).mul(sd.constant("G", upstream)).sum();
        loss.markAsLoss();
        return sd.calculateGradients(Map.of(), inputs.keySet().toArray(String[]::new));
    }

    @Test
    void elementwiseQuotient() {
        INDArray x = normal(32, 4, 3);
        INDArray y = Transforms.abs(normal(33, 4, 3)).addi(0.5);
        Map<String, INDArray> grads = autodiff(g, Map.of("X", x, "Y", y), v -> v.get("X").div(v.get("Y")));
        // dX = G / Y ; dY = −G ⊙ X / Y²
        assertClose("dX", grads.get("X"), g.div(y));
        assertClose("dY", grads.get("Y"), g.mul(x).divi(y.mul(y)).negi());
    }

    @Test
    void elementwiseFunction() {
        INDArray x = normal(34, 4, 3);
        Map<String, INDArray> grads = autodiff(g, Map.of("X", x), v -> v.get("X").getSameDiff().math().tanh(v.get("X")));
        // dX = G ⊙ f′(X), f = tanh: f′ = 1 − tanh²
        INDArray tanh = Transforms.tanh(x, true);
        assertClose("dX", grads.get("X"), g.mul(tanh.mul(tanh).rsubi(1.0)));
    }

    @Test
    void matrixProduct() {
        INDArray w = normal(35, 4, 5);
        INDArray x = normal(36, 5, 3);
        Map<String, INDArray> grads = autodiff(g, Map.of("W", w, "X", x), v -> v.get("W").mmul(v.get("X")));
        // K = W X: dW = G Xᵀ ; dX = Wᵀ G
        assertClose("dW", grads.get("W"), g.mmul(x.transpose()));
        assertClose("dX", grads.get("X"), w.transpose().mmul(g));
    }

    @Test
    void vectorCopiedIntoSixteenColumns() {
        INDArray x = normal(37, 4, 1);
        INDArray upstream = normal(38, 4, 16);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, 16);
        Map<String, INDArray> grads = autodiff(upstream, Map.of("x", x),
                v -> v.get("x").mmul(v.get("x").getSameDiff().constant("ones", ones)));
        // dx = Σ_columns G (every copy sends its gradient back to the one source)
        assertClose("dx", grads.get("x"), upstream.sum(true, 1));
    }

    @Test
    void rowNormalisation() {
        INDArray x = Transforms.abs(normal(39, 4, 3)).addi(0.1);
        Map<String, INDArray> grads = autodiff(g, Map.of("x", x), v -> {
            SDVariable in = v.get("x");
            return in.div(in.sum(true, 1));
        });
        INDArray s = x.sum(true, 1);
        // dx = G / s − Σ_row(G ⊙ x) / s²
        INDArray expected = g.divColumnVector(s).subiColumnVector(g.mul(x).sum(true, 1).divi(s.mul(s)));
        assertClose("dx", grads.get("x"), expected);
    }

    /** Single-head self-attention softmax(X Wq (X Wk)ᵀ / √d) X Wv over the rows (positions) of X. */
    private static INDArray selfAttention(INDArray x, INDArray wq, INDArray wk, INDArray wv) {
        INDArray scores = x.mmul(wq).mmul(x.mmul(wk).transpose()).divi(Math.sqrt(wq.size(1)));
        INDArray weights = Transforms.exp(SoftmaxCrossEntropyLayer.logSoftmax(scores), false);
        return weights.mmul(x.mmul(wv));
    }

    @Test
    void selfAttentionIsPermutationEquivariantAndItsMeanInvariant() {
        INDArray x = normal(40, 5, 4);
        INDArray wq = normal(41, 4, 3);
        INDArray wk = normal(42, 4, 3);
        INDArray wv = normal(43, 4, 3);
        int[] order = {3, 0, 4, 1, 2};
        INDArray permuted = x.getRows(order);
        INDArray out = selfAttention(x, wq, wk, wv);
        INDArray outOfPermuted = selfAttention(permuted, wq, wk, wv);
        // A(P X) = P A(X) (equivariance)
        assertClose("A(PX) vs P A(X)", outOfPermuted, out.getRows(order));
        // mean_rows A(P X) = mean_rows A(X) (invariance of the pooled output)
        assertClose("pooled", outOfPermuted.mean(true, 0), out.mean(true, 0));
        // and it really mixes positions: without attention the check would pass trivially only if rows were equal
        org.assertj.core.api.Assertions.assertThat(out.getRow(0).sub(out.getRow(1)).amaxNumber().doubleValue())
                .isGreaterThan(1e-3);
    }

    @Test
    void positionWiseFeedForwardEqualsKernelOneConvolution() {
        int d = 4;
        int hidden = 6;
        int steps = 5;
        MultiLayerNetwork conv = GradientProofs.network(InputType.convolutional(1, steps, d), new Conv2D(hidden, 1, 1),
                new Relu(), new Conv2D(3, 1, 1));
        INDArray x = normal(44, 2, d, 1, steps);
        List<INDArray> acts = conv.feedForward(x, false);
        INDArray convOut = acts.get(acts.size() - 1);
        INDArray w1 = conv.getParam("0_W").reshape(hidden, d).transpose();
        INDArray w2 = conv.getParam("2_W").reshape(3, hidden).transpose();
        for (int t = 0; t < steps; t++) {
            INDArray position = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t));
            // FFN(x_t) = ReLU(x_t W1 + b1) W2 + b2, applied to each position separately
            INDArray ffn = Transforms.relu(position.mmul(w1).addiRowVector(conv.getParam("0_b")), true).mmul(w2)
                    .addiRowVector(conv.getParam("2_b"));
            INDArray convAtT = convOut.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t));
            assertClose("position " + t, convAtT, ffn);
        }
    }
}
