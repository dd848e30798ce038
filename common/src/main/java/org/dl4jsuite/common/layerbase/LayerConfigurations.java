package org.dl4jsuite.common.layerbase;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the fast layers' configurations share: copying a built DL4J layer configuration, and wiring a new layer. */
public final class LayerConfigurations {
    private LayerConfigurations() {
    }

    /**
     * Copies every instance field of {@code source} declared in {@code type} and its superclasses into
     * {@code target}, a subclass instance: DL4J's layer builders construct only their own class.
     */
    public static <T extends org.deeplearning4j.nn.conf.layers.Layer, S extends T> S copy(T source, S target, Class<T> type) {
        Object built = source.clone();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    field.set(target, field.get(built));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + c.getSimpleName() + "." + field.getName(), e);
                }
            }
        }
        return target;
    }

    /** Gives a freshly constructed {@code layer} its listeners, index, parameters (initialised if asked) and configuration. */
    public static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, ParamInitializer initializer,
                                    Collection<TrainingListener> listeners, int index, INDArray paramsView,
                                    boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> paramTable = initializer.init(conf, paramsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
