package org.dl4jsuite.common.onednn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.layerbase.WeightBiasGradient;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's dense layer run by oneDNN's inner product with primitives created once per batch size
 * ({@link InnerProductPrimitives}): product + bias + ReLU as one primitive, the backward pass from the output
 * the forward pass kept (DL4J's recomputes the forward pass inside backprop). Same parameters and gradient views
 * as DL4J's layer. Everything else is DL4J's own: another backend or {@code --impl dl4j}, double precision,
 * layer norm, no bias, dropout, weight noise, masks, activations other than ReLU and identity.
 */
public class OneDnnDenseLayer extends DenseLayer {
    private final transient ShapeCache<InnerProductPrimitives> shapes = new ShapeCache<>(3);

    /** The layer for {@code conf}, whose layer configuration is a {@link OneDnnDense}. */
    public OneDnnDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer runs on oneDNN. */
    public boolean usesOneDnn() {
        org.deeplearning4j.nn.conf.layers.DenseLayer c = layerConf();
        return dataType == DataType.FLOAT && c.hasBias() && !c.hasLayerNorm()
                && c.getIDropout() == null && c.getWeightNoise() == null
                && (c.getActivationFn() instanceof ActivationReLU || c.getActivationFn() instanceof ActivationIdentity)
                && OneDnn.available();
    }

    private boolean oneDnnInput() {
        return input != null && input.rank() == 2 && input.dataType() == DataType.FLOAT && maskArray == null
                && input.size(1) == layerConf().getNIn() && usesOneDnn();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!oneDnnInput()) {
            shapes.clearPending();
            return super.activate(training, workspaceMgr);
        }
        long batch = input.size(0);
        InnerProductPrimitives p = shapes.get(s -> s.fits(batch, training), () -> new InnerProductPrimitives(OneDnn.get(),
                batch, layerConf().getNIn(), layerConf().getNOut(), layerConf().getActivationFn() instanceof ActivationReLU,
                training));
        p.source().assign(input);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {batch, p.outputs}, 'c');
        p.forward(getParam(DefaultParamInitializer.WEIGHT_KEY), getParam(DefaultParamInitializer.BIAS_KEY), out);
        shapes.forwarded(p, training);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        InnerProductPrimitives p = shapes.pending();
        if (p == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        WeightBiasGradient gradient = WeightBiasGradient.of(gradientViews);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {p.batch, p.inputs}, 'c');
        p.backward(epsilon, gradient.weights(), gradient.bias(), inputGradient);
        weightNoiseParams.clear();
        return gradient.with(inputGradient);
    }
}
