package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The gated recurrent cell of the reference assignment, in row-vector form:
 * {@code c_t = σ(x_t·W_c + h_{t-1}·W_h)}, {@code h_t = c_t ⊙ h_{t-1} + (1 − c_t) ⊙ (x_t·W_x)}, {@code h_0 = 0};
 * W_c and W_x are [nIn, nOut], W_h is [nOut, nOut]; no biases.
 */
public class GatedRecurrentCell extends RecurrentHandLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W_c, [nIn, nOut]. */
    public static final String GATE_INPUT = "Wc";
    /** Key of W_h, [nOut, nOut]. */
    public static final String GATE_STATE = "Wh";
    /** Key of W_x, [nIn, nOut]. */
    public static final String CANDIDATE = "Wx";

    /** For JSON. */
    public GatedRecurrentCell() {
    }

    /** A cell with {@code nOut} units; nIn comes from the input type. */
    public GatedRecurrentCell(long nOut) {
        this.nOut = nOut;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of(ParamSpec.weight(GATE_INPUT, nIn, nOut, nIn, nOut),
                ParamSpec.weight(GATE_STATE, nOut, nOut, nOut, nOut),
                ParamSpec.weight(CANDIDATE, nIn, nOut, nIn, nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new GatedRecurrentCellLayer(conf, dataType);
    }
}
