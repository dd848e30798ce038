package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/** Rectified linear unit {@code y = max(0, x)}, element-wise. */
public class Relu extends ElementwiseLayer {
    private static final long serialVersionUID = 1L;

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new ReluLayer(conf, dataType);
    }
}
