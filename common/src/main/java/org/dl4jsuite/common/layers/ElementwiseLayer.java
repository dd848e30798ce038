package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** Configuration shared by parameter-free element-wise layers: any input shape, the same shape out. */
public abstract class ElementwiseLayer extends HandDerivedLayer {
    private static final long serialVersionUID = 1L;

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // No parameters, so nothing depends on the input size.
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }
}
