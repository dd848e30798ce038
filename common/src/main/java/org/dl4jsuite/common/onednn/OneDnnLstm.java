package org.dl4jsuite.common.onednn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
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
        OneDnnLstm copy = new OneDnnLstm();
        LSTM source = (LSTM) lstm.clone();
        // LSTM's builder constructor is private: copy the built configuration's fields, LSTM's and its superclasses'.
        for (Class<?> c = LSTM.class; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    field.set(copy, field.get(source));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy LSTM." + field.getName(), e);
                }
            }
        }
        return copy;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("OneDnnLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        OneDnnLstmLayer layer = new OneDnnLstmLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
