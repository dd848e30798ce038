package org.dl4jsuite.common.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of a softmax cross-entropy output layer whose training step is fused
 * ({@link OneDnnSoftmaxOutputLayer}): DL4J's {@link OutputLayer} configuration, fields, parameters and JSON.
 */
public class OneDnnSoftmaxOutput extends OutputLayer {
    /** For Jackson: a network's JSON names this class. */
    public OneDnnSoftmaxOutput() {
    }

    /** The fused layer configured exactly as {@code output} (built with {@link OutputLayer.Builder}). */
    public static OneDnnSoftmaxOutput of(OutputLayer output) {
        return LayerConfigurations.copy(output, new OneDnnSoftmaxOutput(), OutputLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnSoftmaxOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new OneDnnSoftmaxOutputLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
