package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * AttentionRNN(k) of the reference problem set, in row-vector form: at step t the layer attends over k + 1 slots,
 * slot 0 reading the input and slot i (1 ≤ i ≤ k) reading the state i steps back,
 * {@code s_0 = x_t}, {@code s_i = h_{t−i}} (zero before the start). Each slot has its own matrix W_i, [|s_i|, 3·nOut],
 * whose column blocks give {@code [q_i, k_i, v_i] = s_i·W_i}; then {@code w_i = q_i·k_iᵀ},
 * {@code a = softargmax(w_0 … w_k)}, {@code h_t = Σ_i a_i v_i}. W_0 is the parameter "Wx" [nIn, 3·nOut]; W_1 … W_k
 * are the row blocks of "Wh" [k·nOut, 3·nOut], W_i in rows [(i−1)·nOut, i·nOut). No biases (a bias would make the
 * zero states before the start attend like real ones). Trained by full back-propagation through time.
 */
public class AttentionRnn extends RecurrentHandLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W_0, the input slot's [q, k, v] projection, [nIn, 3·nOut]. */
    public static final String INPUT = "Wx";
    /** Key of W_1 … W_k stacked by rows, the state slots' [q, k, v] projections, [k·nOut, 3·nOut]. */
    public static final String STATES = "Wh";
    /** k, the number of past states attended to. */
    protected int window = 1;

    /** For JSON. */
    public AttentionRnn() {
    }

    /** {@code nOut} units attending to the input and the last {@code window} states; nIn comes from the input type. */
    public AttentionRnn(long nOut, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("AttentionRnn needs a window of at least one past state, got " + window);
        }
        this.nOut = nOut;
        this.window = window;
    }

    /** k, the number of past states attended to. */
    public int getWindow() {
        return window;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of(ParamSpec.weight(INPUT, nIn, 3 * nOut, nIn, 3 * nOut),
                ParamSpec.weight(STATES, nOut, 3 * nOut, window * nOut, 3 * nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new AttentionRnnLayer(conf, dataType);
    }
}
