package org.dl4jsuite.common.onednn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.dl4jsuite.common.layerbase.WeightBiasGradient;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 2-D convolution layer run by oneDNN primitives created once per input shape
 * ({@link ConvolutionPrimitives}): convolution + bias + ReLU as one primitive, the backward pass from the
 * output the forward pass kept (DL4J recomputes the forward pass inside backprop, and libnd4j's wrappers
 * rebuild their primitives and reorder every tensor on every call). Same parameters and gradient views as
 * DL4J's layer.
 *
 * <p>{@link #skipInputGradient()} (the first layer of a network being trained) leaves out the input gradient
 * nobody reads; {@link #freezeParameters()} (a network under attack) the parameter gradients, and prepares the
 * weights once. Everything else is DL4J's own: another backend or {@code --impl dl4j}, double precision, NHWC,
 * "Same" or causal padding, dilation, dropout, weight noise, activations other than ReLU and identity.
 */
public class OneDnnConvolutionLayer extends ConvolutionLayer {
    private final transient ShapeCache<ConvolutionPrimitives> shapes = new ShapeCache<>(3);
    private boolean inputGradientWanted = true;
    private boolean frozen;

    /** The layer for {@code conf}, whose layer configuration is a {@link OneDnnConvolution}. */
    public OneDnnConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Leaves the input gradient out of the backward pass (then NaN): for a network's first layer in training only. */
    public void skipInputGradient() {
        inputGradientWanted = false;
    }

    /**
     * Declares the parameters fixed from now on (an attack on a trained network): the weights are prepared for
     * oneDNN once, and the backward pass computes the input gradient only (the parameter gradients are left as
     * they were).
     */
    public void freezeParameters() {
        frozen = true;
    }

    /** Whether the parameters are frozen and the backward pass runs on oneDNN: then it reads no gradient views. */
    public boolean frozenOnOneDnn() {
        return frozen && usesOneDnn();
    }

    /** Whether this layer runs on oneDNN. */
    public boolean usesOneDnn() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        return dataType == DataType.FLOAT && c.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && (c.getConvolutionMode() == ConvolutionMode.Truncate || c.getConvolutionMode() == ConvolutionMode.Strict)
                && c.getDilation()[0] == 1 && c.getDilation()[1] == 1 && c.hasBias()
                && c.getIDropout() == null && c.getWeightNoise() == null
                && (c.getActivationFn() instanceof ActivationReLU || c.getActivationFn() instanceof ActivationIdentity)
                && OneDnn.available();
    }

    private boolean oneDnnInput() {
        return input != null && input.rank() == 4 && input.dataType() == DataType.FLOAT && maskArray == null
                && usesOneDnn();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!oneDnnInput()) {
            shapes.clearPending();
            return super.activate(training, workspaceMgr);
        }
        ConvolutionPrimitives p = shapeFor(input.shape(), training);
        p.source().assign(input);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, p.outputShape, 'c');
        p.forward(getParam(ConvolutionParamInitializer.WEIGHT_KEY), getParam(ConvolutionParamInitializer.BIAS_KEY), frozen,
                out);
        shapes.forwarded(p, training);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        ConvolutionPrimitives p = shapes.pending();
        if (p == null) {
            if (gradientViews == null) {
                throw new IllegalStateException(layerId() + ": a frozen convolution got an input oneDNN cannot take ("
                        + (input == null ? "none" : input.dataType() + " rank " + input.rank()) + "); it has no gradient views");
            }
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                p.inputShape, 'c');
        // A frozen layer writes no parameter gradients: a FrozenGraph gives it no views to write them into.
        WeightBiasGradient gradient = frozen ? null : WeightBiasGradient.of(gradientViews, 'c');
        p.backward(epsilon, frozen ? null : gradient.weights(), frozen ? null : gradient.bias(),
                inputGradientWanted ? inputGradient : null);
        if (!inputGradientWanted) {
            // Not computed when skipped: NaN, so that nobody can mistake it for a gradient.
            inputGradient.assign(Double.NaN);
        }
        weightNoiseParams.clear();
        return frozen ? new Pair<>(new DefaultGradient(), inputGradient) : gradient.with(inputGradient);
    }

    private ConvolutionPrimitives shapeFor(long[] inputShape, boolean training) {
        return shapes.get(p -> p.fits(inputShape, training, !frozen, inputGradientWanted), () -> create(inputShape, training));
    }

    private ConvolutionPrimitives create(long[] inputShape, boolean training) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        int[] out = ConvolutionUtils.getOutputSize(input, c.getKernelSize(), c.getStride(), c.getPadding(),
                c.getConvolutionMode(), c.getDilation(), CNN2DFormat.NCHW);
        long[] outputShape = {inputShape[0], weights.size(0), out[0], out[1]};
        return new ConvolutionPrimitives(OneDnn.get(), inputShape, weights.shape(), outputShape,
                new long[] {c.getStride()[0], c.getStride()[1]}, new long[] {c.getPadding()[0], c.getPadding()[1]},
                c.getActivationFn() instanceof ActivationReLU, training, !frozen, inputGradientWanted);
    }
}
