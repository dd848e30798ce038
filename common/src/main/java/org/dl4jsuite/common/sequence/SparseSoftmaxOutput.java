package org.dl4jsuite.common.sequence;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of a softmax output layer over time steps trained with a fused sparse softmax
 * cross-entropy ({@link SparseSoftmaxOutputLayer}): DL4J's {@link RnnOutputLayer} configuration with all
 * its fields, parameters and JSON, so a saved network rebuilds the fused layer and a DL4J network reads
 * the same parameters.
 */
public class SparseSoftmaxOutput extends RnnOutputLayer {
    /** For Jackson: a network's JSON names this class. */
    public SparseSoftmaxOutput() {
    }

    /** The fused layer configured exactly as {@code output} (built with {@link RnnOutputLayer.Builder}). */
    public static SparseSoftmaxOutput of(RnnOutputLayer output) {
        return LayerConfigurations.copy(output, new SparseSoftmaxOutput(), RnnOutputLayer.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("SparseSoftmaxOutput", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new SparseSoftmaxOutputLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
