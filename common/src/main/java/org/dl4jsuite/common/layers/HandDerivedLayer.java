package org.dl4jsuite.common.layers;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dl4jsuite.common.layerbase.LayerConfigurations;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a layer whose forward and backward passes are written by hand: it declares its parameters as
 * {@link ParamSpec}s and creates its implementation; initialisation, memory report and instantiation are shared.
 */
public abstract class HandDerivedLayer extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;

    /** Defaults that the network-wide configuration may fill in (bias init, weight init, updater). */
    protected HandDerivedLayer() {
        this.activationFn = new ActivationIdentity();
        this.biasInit = Double.NaN;
        this.gainInit = Double.NaN;
    }

    /** The parameters, in the order they sit in the flat parameter array. */
    public abstract List<ParamSpec> paramSpecs();

    /** A new implementation of this layer bound to {@code conf}. */
    protected abstract Layer createImplementation(NeuralNetConfiguration conf, DataType dataType);

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray paramsView, boolean initializeParams, DataType networkDataType) {
        return LayerConfigurations.wire(createImplementation(conf, networkDataType), conf, initializer(), listeners,
                layerIndex, paramsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return SpecParamInitializer.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType outputType = getOutputType(-1, inputType);
        long numParams = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(numParams);
        // Backward recomputes the forward intermediates: about one output and one input per example.
        long trainPerExample = outputType.arrayElementsPerExample() + inputType.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, getClass(), inputType, outputType)
                .standardMemory(numParams, updaterState)
                .workingMemory(0, 0, 0, trainPerExample)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }
}
