package org.dl4jsuite.common.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of a 2-D pooling layer that runs on oneDNN with cached primitives and keeps the forward
 * pass's workspace for the backward pass ({@link OneDnnSubsamplingLayer}): DL4J's {@link SubsamplingLayer}
 * configuration, fields and JSON.
 */
public class OneDnnSubsampling extends SubsamplingLayer {
    /** For Jackson: a network's JSON names this class. */
    public OneDnnSubsampling() {
    }

    /** The oneDNN layer configured exactly as {@code pooling} (built with {@link SubsamplingLayer.Builder}). */
    public static OneDnnSubsampling of(SubsamplingLayer pooling) {
        return LayerConfigurations.copy(pooling, new OneDnnSubsampling(), SubsamplingLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return LayerConfigurations.wire(new OneDnnSubsamplingLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
