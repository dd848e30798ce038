package org.dl4jsuite.common.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Lays out a {@link HandDerivedLayer}'s parameters, in {@link ParamSpec} order, as views of the flat parameter array. */
public final class SpecParamInitializer implements ParamInitializer {
    /** The one instance; it holds no state. */
    public static final SpecParamInitializer INSTANCE = new SpecParamInitializer();

    private SpecParamInitializer() {
    }

    private static List<ParamSpec> specs(Layer layer) {
        return ((HandDerivedLayer) layer).paramSpecs();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return specs(layer).stream().mapToLong(ParamSpec::length).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return specs(layer).stream().map(ParamSpec::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return specs(layer).stream().filter(p -> !p.bias()).map(ParamSpec::key).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return specs(layer).stream().filter(ParamSpec::bias).map(ParamSpec::key).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biasKeys(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        HandDerivedLayer layer = (HandDerivedLayer) conf.getLayer();
        Map<String, INDArray> params = views(layer, paramsView);
        for (ParamSpec spec : layer.paramSpecs()) {
            conf.addVariable(spec.key());
            INDArray view = params.get(spec.key());
            if (!initializeParams) {
                continue;
            }
            if (spec.bias()) {
                view.assign(Double.isNaN(layer.getBiasInit()) ? 0.0 : layer.getBiasInit());
            } else {
                layer.getWeightInitFn().init(spec.fanIn(), spec.fanOut(), spec.shape(), 'f', view);
            }
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((HandDerivedLayer) conf.getLayer(), gradientView);
    }

    /** Consecutive 'f'-order views of {@code flat}, one per parameter. */
    private static Map<String, INDArray> views(HandDerivedLayer layer, INDArray flat) {
        Map<String, INDArray> views = new LinkedHashMap<>();
        if (layer.paramSpecs().isEmpty()) {
            return views; // parameter-free layers get no view (DL4J passes null)
        }
        INDArray vector = flat.reshape(flat.length());
        long offset = 0;
        for (ParamSpec spec : layer.paramSpecs()) {
            INDArray slice = vector.get(NDArrayIndex.interval(offset, offset + spec.length()));
            views.put(spec.key(), slice.reshape('f', spec.shape()));
            offset += spec.length();
        }
        return views;
    }
}
