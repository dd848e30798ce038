package org.dl4jsuite.common.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of a 2-D convolution layer that runs on oneDNN with cached primitives
 * ({@link OneDnnConvolutionLayer}): DL4J's {@link ConvolutionLayer} configuration, fields, parameters and JSON.
 */
public class OneDnnConvolution extends ConvolutionLayer {
    /** For Jackson: a network's JSON names this class. */
    public OneDnnConvolution() {
    }

    /** The oneDNN layer configured exactly as {@code convolution} (built with {@link ConvolutionLayer.Builder}). */
    public static OneDnnConvolution of(ConvolutionLayer convolution) {
        return LayerConfigurations.copy(convolution, new OneDnnConvolution(), ConvolutionLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new OneDnnConvolutionLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
