package org.dl4jsuite.common.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Output layer {@code p = softmax(X·W + b)} with the cross-entropy loss {@code L = −(1/N) Σ y ⊙ log p}, forward and
 * backward written by hand. The activation and loss fields are set only so that DL4J's tooling describes it correctly.
 */
public class SoftmaxCrossEntropy extends BaseOutputLayer {
    private static final long serialVersionUID = 1L;

    /** For JSON. */
    public SoftmaxCrossEntropy() {
        this.lossFn = new LossMCXENT();
        this.activationFn = new ActivationSoftmax();
        this.biasInit = Double.NaN;
        this.gainInit = Double.NaN;
    }

    /** An output layer over {@code nOut} classes; nIn comes from the input type. */
    public SoftmaxCrossEntropy(long nOut) {
        this();
        this.nOut = nOut;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        return LayerConfigurations.wire(new SoftmaxCrossEntropyLayer(conf, networkDataType), conf, initializer(), listeners,
                layerIndex, paramsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }
}
