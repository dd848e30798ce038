package org.dl4jsuite.common.convolution;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.train.LayerReplacement;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer as a network's first layer, for training: its backward pass computes the weight and
 * bias gradients only. DL4J always computes the input gradient as well, which for the first layer nobody reads;
 * with oneDNN on, LeNet-5's conv1 spends 2.2 ms of a 14.7 ms step on it, and 1.9 ms more on a weight gradient
 * that oneDNN computes slowly for one input channel. Here the weight gradient is im2col + one gemm (DL4J's own
 * non-oneDNN formula). The forward pass is DL4J's (oneDNN).
 *
 * <p>The input gradient it returns is NaN-filled: install it only in a network being trained, never in one
 * whose input gradient is wanted (an attack). The configuration is DL4J's, so a saved model loads as a plain
 * DL4J network.
 */
public final class InputConvolutionLayer extends ConvolutionLayer {

    /** A layer that shares {@code original}'s configuration, parameters, gradient views and listeners. */
    public InputConvolutionLayer(ConvolutionLayer original) {
        super(original.conf(), original.params().dataType());
        LayerReplacement.takeOver(original, this);
    }

    /**
     * Replaces {@code network}'s first layer when it is a plain DL4J convolution in NCHW without dilation, dropout
     * or "Same" padding (idempotent); returns whether it did.
     */
    public static boolean installIn(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        if (layers.length == 0 || layers[0] instanceof InputConvolutionLayer) {
            return layers.length > 0;
        }
        if (layers[0].getClass() != ConvolutionLayer.class) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf =
                (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layers[0].conf().getLayer();
        boolean plain = conf.getCnn2dDataFormat() == CNN2DFormat.NCHW && conf.getConvolutionMode() != ConvolutionMode.Same
                && conf.getDilation()[0] == 1 && conf.getDilation()[1] == 1 && conf.getIDropout() == null
                && conf.getWeightNoise() == null && conf.hasBias();
        if (plain) {
            layers[0] = new InputConvolutionLayer((ConvolutionLayer) layers[0]);
        }
        return plain;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        long miniBatch = x.size(0);
        long outDepth = weights.size(0);
        long inDepth = weights.size(1);
        int kH = (int) weights.size(2);
        int kW = (int) weights.size(3);
        int[] strides = layerConf().getStride();
        int[] pad = layerConf().getPadding();

        // δ = ∂L/∂z = ε ⊙ f'(z), z recomputed as DL4J's own backward pass does.
        INDArray z = preOutput4d(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst();
        long outH = delta.size(2);
        long outW = delta.size(3);
        INDArray delta2d = delta.permute(1, 0, 2, 3).dup('c').reshape('c', outDepth, miniBatch * outH * outW);

        // im2col laid out [n, outH, outW, c, kH, kW], so that it is a [n·outH·outW, c·kH·kW] matrix without a copy.
        INDArray col = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {miniBatch, outH, outW, inDepth, kH, kW}, 'c');
        Convolution.im2col(x, kH, kW, strides[0], strides[1], pad[0], pad[1], 1, 1, false, col.permute(0, 3, 4, 5, 1, 2));
        INDArray col2d = col.reshape('c', miniBatch * outH * outW, inDepth * kH * kW);

        // ∂L/∂W [outDepth, c·kH·kW] = δ2d · col2d, written transposed into the c-order gradient view.
        INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray weightGradView2df = Shape.newShapeNoCopy(weightGradView, new long[] {outDepth, inDepth * kH * kW}, false)
                .transpose();
        Nd4j.gemm(col2d, delta2d, weightGradView2df, true, true, 1.0, 0.0);
        INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        delta2d.sum(biasGradView, 1);

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        // Not computed: NaN, so that a caller who asks for it anyway cannot mistake it for a gradient.
        INDArray notComputed = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c')
                .assign(Double.NaN);
        return new Pair<>(gradient, notComputed);
    }
}
