package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/** Logistic sigmoid {@code σ(x) = 1/(1+e^{-x})}, element-wise, evaluated without overflow for large |x|. */
public class StableSigmoid extends ElementwiseLayer {
    private static final long serialVersionUID = 1L;

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new StableSigmoidLayer(conf, dataType);
    }
}
