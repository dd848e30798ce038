package org.dl4jsuite.common.classifier;

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
 * The configuration of a dense layer whose parameters never change ({@link FrozenDenseLayer}): DL4J's
 * {@link DenseLayer} configuration, fields and parameters, for a network under attack.
 */
public class FrozenDense extends DenseLayer {
    /** For Jackson: a network's JSON names this class. */
    public FrozenDense() {
    }

    /** The frozen layer configured exactly as {@code dense}. */
    public static FrozenDense of(DenseLayer dense) {
        return LayerConfigurations.copy(dense, new FrozenDense(), DenseLayer.class);
    }

    /** Whether {@code conf} is DL4J's own dense layer with nothing the frozen one leaves out (layer norm). */
    public static boolean replaces(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf.getClass() == DenseLayer.class && !((DenseLayer) conf).hasLayerNorm();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FrozenDense", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new FrozenDenseLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
