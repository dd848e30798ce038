package org.dl4jsuite.common.workarounds;

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
import org.dl4jsuite.common.workarounds.LayerReplacement;
import org.nd4j.common.primitives.Pair;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer as a network's first layer, for training: its backward pass computes the weight and
 * bias gradients only. DL4J always computes the input gradient as well, which for the first layer nobody reads;
 * with oneDNN on, LeNet-5's conv1 spends 2.2 ms of a 14.7 ms step on it. Here the weight gradient is one
 * native conv2d (oneDNN) of the input by δ, batch and channels swapped; the forward pass is DL4J's (oneDNN).
 * (An im2col + gemm weight gradient was slower: ND4J's im2col alone takes 2.3 ms for LeNet's conv1.)
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
     * Replaces {@code network}'s first layer when it is a plain DL4J convolution in NCHW with stride 1 and without
     * dilation, dropout or "Same" padding (idempotent); returns whether it did.
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
                && conf.getDilation()[0] == 1 && conf.getDilation()[1] == 1 && conf.getStride()[0] == 1
                && conf.getStride()[1] == 1 && conf.getIDropout() == null
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
        int[] pad = layerConf().getPadding();

        // δ = ∂L/∂z = ε ⊙ f'(z), z recomputed as DL4J's own backward pass does.
        INDArray z = preOutput4d(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst();

        // ∂L/∂W[o,c,i,j] = Σ_n,y,x δ[n,o,y,x]·x[n,c,y+i,x+j] (stride 1): a convolution of the input with channels and
        // batch swapped ([c, n, H, W]) by δ as the kernel ([o, n, outH, outW]), run by the same native conv2d op.
        INDArray swappedInput = inDepth == 1 ? x.reshape('c', 1, miniBatch, x.size(2), x.size(3))
                : x.permute(1, 0, 2, 3).dup('c');
        INDArray kernel = delta.permute(1, 0, 2, 3).dup('c');
        INDArray weightGradient = Nd4j.create(dataType, inDepth, outDepth, kH, kW);
        Conv2DConfig weightConv = Conv2DConfig.builder().kH(kernel.size(2)).kW(kernel.size(3)).sH(1).sW(1).pH(pad[0]).pW(pad[1])
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.OIYX)
                .build();
        Nd4j.exec(new Conv2D(new INDArray[] {swappedInput, kernel}, new INDArray[] {weightGradient}, weightConv));
        INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGradView.assign(weightGradient.permute(1, 0, 2, 3));
        INDArray delta2d = delta.sum(0, 2, 3);
        INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        biasGradView.assign(delta2d.reshape(biasGradView.shape()));

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
        // Not computed: NaN, so that a caller who asks for it anyway cannot mistake it for a gradient.
        INDArray notComputed = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c')
                .assign(Double.NaN);
        return new Pair<>(gradient, notComputed);
    }
}
