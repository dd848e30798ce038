package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.dl4jsuite.common.SuiteException;

/** Configuration shared by layers that slide a window over NCHW images (convolution, pooling). */
public abstract class SpatialLayer extends HandDerivedLayer {
    private static final long serialVersionUID = 1L;
    protected int[] kernel = {1, 1};
    protected int[] stride = {1, 1};
    protected int[] padding = {0, 0};
    protected int[] dilation = {1, 1};

    /** Output channels for this input channel count. */
    protected abstract long outputChannels(long inputChannels);

    /** The window geometry over an input of {@code channels × height × width}. */
    public ConvGeometry geometry(long channels, long height, long width) {
        return new ConvGeometry((int) channels, (int) height, (int) width, kernel, stride, padding, dilation);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional c = convolutional(inputType);
        ConvGeometry g = geometry(c.getChannels(), c.getHeight(), c.getWidth());
        return InputType.convolutional(g.outHeight(), g.outWidth(), outputChannels(c.getChannels()));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = convolutional(inputType).getChannels();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutionalFlat f) {
            return new FeedForwardToCnnPreProcessor(f.getHeight(), f.getWidth(), f.getDepth());
        }
        return null;
    }

    private InputType.InputTypeConvolutional convolutional(InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutional c) {
            return c;
        }
        if (inputType instanceof InputType.InputTypeConvolutionalFlat f) {
            return (InputType.InputTypeConvolutional) InputType.convolutional(f.getHeight(), f.getWidth(), f.getDepth());
        }
        throw new SuiteException("Layer " + getLayerName() + " takes images [N, C, H, W], got " + inputType);
    }

    public int[] getKernel() {
        return kernel.clone();
    }

    public int[] getStride() {
        return stride.clone();
    }

    public int[] getPadding() {
        return padding.clone();
    }

    public int[] getDilation() {
        return dilation.clone();
    }
}
