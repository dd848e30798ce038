package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.dl4jsuite.common.SuiteException;

/** Configuration shared by hand-derived sequence layers: input [N, nIn, T], output [N, nOut, T] (NCW). */
public abstract class RecurrentHandLayer extends HandDerivedLayer {
    private static final long serialVersionUID = 1L;

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(nOut, recurrent(inputType).getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = recurrent(inputType).getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    /** The input type as a sequence type, or a SuiteException naming the layer. */
    protected InputType.InputTypeRecurrent recurrent(InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent r && r.getFormat() == RNNFormat.NCW) {
            return r;
        }
        throw new SuiteException("Layer " + getLayerName() + " takes sequences [N, features, T] (NCW), got " + inputType);
    }
}
