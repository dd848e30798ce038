package org.dl4jsuite.common.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration of an LSTM layer that trains through oneDNN ({@link OneDnnLstmLayer}): DL4J's
 * {@link LSTM} configuration with every field, parameter and JSON property of it, so a network rebuilt
 * from its saved JSON instantiates the oneDNN layer again, and a model zip keeps the same parameters
 * a DL4J LSTM has.
 */
public class OneDnnLstm extends LSTM {
    /** For Jackson: a network's JSON names this class. */
    public OneDnnLstm() {
    }

    /** The oneDNN layer configured exactly as {@code lstm} (built with {@link LSTM.Builder}). */
    public static OneDnnLstm of(LSTM lstm) {
        return LayerConfigurations.copy(lstm, new OneDnnLstm(), LSTM.class);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerConfigurations.wire(new OneDnnLstmLayer(conf, networkDataType), conf, initializer(),
                trainingListeners, layerIndex, layerParamsView, initializeParams);
    }
}
