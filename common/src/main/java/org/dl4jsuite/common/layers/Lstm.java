package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * LSTM whose four gates come from one product {@code z = [h_{t-1}, x_t]·W + b}, W [nOut + nIn, 4·nOut] with rows
 * for h first, then x, and gate columns in the order i, f, g, o:
 * {@code i,f,o = σ(z_i,z_f,z_o)}, {@code g = tanh(z_g)}, {@code c_t = f⊙c_{t-1} + i⊙g}, {@code h_t = o⊙tanh(c_t)},
 * {@code h_0 = c_0 = 0}. Trained by full back-propagation through time over the sequence.
 */
public class Lstm extends RecurrentHandLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W, [nOut + nIn, 4·nOut]. */
    public static final String WEIGHT = "W";
    /** Key of b, [1, 4·nOut]. */
    public static final String BIAS = "b";
    /** Gate column blocks of W and b, in order. */
    public static final List<String> GATES = List.of("i", "f", "g", "o");

    /** For JSON. */
    public Lstm() {
    }

    /** An LSTM with {@code nOut} units; nIn comes from the input type. */
    public Lstm(long nOut) {
        this.nOut = nOut;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of(ParamSpec.weight(WEIGHT, nIn + nOut, 4 * nOut, nOut + nIn, 4 * nOut),
                ParamSpec.bias(BIAS, 1, 4 * nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new LstmLayer(conf, dataType);
    }
}
