package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/** Fully connected layer {@code Y = X·W + b}; a convolutional input [N, C, H, W] is flattened to [N, C·H·W] first. */
public class Affine extends HandDerivedLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W, [nIn, nOut]. */
    public static final String WEIGHT = "W";
    /** Key of b, [1, nOut]. */
    public static final String BIAS = "b";

    /** For JSON. */
    public Affine() {
    }

    /** An affine layer with {@code nOut} outputs; nIn comes from the input type. */
    public Affine(long nOut) {
        this.nOut = nOut;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of(ParamSpec.weight(WEIGHT, nIn, nOut, nIn, nOut), ParamSpec.bias(BIAS, 1, nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new AffineLayer(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeConvolutional c) {
            if (nIn <= 0 || override) {
                nIn = c.getChannels() * c.getHeight() * c.getWidth();
            }
        } else {
            super.setNIn(inputType, override);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        // The layer flattens a convolutional input itself (row-major C, H, W, as DL4J's CnnToFeedForward does).
        return inputType.getType() == InputType.Type.CNN ? null : super.getPreProcessorForInputType(inputType);
    }
}
