package org.dl4jsuite.common.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of a dense layer that runs on oneDNN's inner product with cached primitives
 * ({@link OneDnnDenseLayer}): DL4J's {@link DenseLayer} configuration, fields, parameters and JSON.
 */
public class OneDnnDense extends DenseLayer {
    /** For Jackson: a network's JSON names this class. */
    public OneDnnDense() {
    }

    /** The oneDNN layer configured exactly as {@code dense} (built with {@link DenseLayer.Builder}). */
    public static OneDnnDense of(DenseLayer dense) {
        return LayerConfigurations.copy(dense, new OneDnnDense(), DenseLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnDense", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new OneDnnDenseLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
