package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Embedding of index sequences: input [N, T] (or [N, 1, T]) of integer indices below {@code nIn}, output
 * {@code y[n, :, t] = W[x[n, t], :]}, [N, nOut, T]. W is [nIn, nOut]; there is no bias.
 */
public class Embedding extends HandDerivedLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W, [vocabulary, nOut]. */
    public static final String WEIGHT = "W";

    /** For JSON. */
    public Embedding() {
    }

    /** Embeds indices below {@code vocabulary} as vectors of {@code size}. */
    public Embedding(long vocabulary, long size) {
        this.nIn = vocabulary;
        this.nOut = size;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of(ParamSpec.weight(WEIGHT, nIn, nOut, nIn, nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new EmbeddingLayer(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            return InputType.recurrent(nOut, r.getTimeSeriesLength(), RNNFormat.NCW);
        }
        throw new SuiteException("Embedding " + getLayerName() + " takes index sequences, InputType.recurrent(1, T); got "
                + inputType);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // nIn is the vocabulary size, given explicitly: the input carries one index per step.
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }
}
