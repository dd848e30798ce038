package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * 2-D convolution over NCHW images by im2col: {@code Y = W·cols(X) + b}, with stride, symmetric zero padding and
 * dilation (DL4J's truncate mode). W is [nOut, nIn, kh, kw] like DL4J's ConvolutionLayer.
 */
public class Conv2D extends SpatialLayer {
    private static final long serialVersionUID = 1L;
    /** Key of W, [nOut, nIn, kh, kw]. */
    public static final String WEIGHT = "W";
    /** Key of b, [1, nOut]. */
    public static final String BIAS = "b";

    /** For JSON. */
    public Conv2D() {
    }

    /** {@code nOut} filters of {@code kernelHeight × kernelWidth}, stride 1, no padding, no dilation. */
    public Conv2D(long nOut, int kernelHeight, int kernelWidth) {
        this.nOut = nOut;
        this.kernel = new int[] {kernelHeight, kernelWidth};
    }

    /** This convolution with the given stride. */
    public Conv2D stride(int rows, int columns) {
        this.stride = new int[] {rows, columns};
        return this;
    }

    /** This convolution with the given zero padding on each side. */
    public Conv2D padding(int rows, int columns) {
        this.padding = new int[] {rows, columns};
        return this;
    }

    /** This convolution with the given dilation. */
    public Conv2D dilation(int rows, int columns) {
        this.dilation = new int[] {rows, columns};
        return this;
    }

    @Override
    protected long outputChannels(long inputChannels) {
        return nOut;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        long taps = (long) kernel[0] * kernel[1];
        return List.of(ParamSpec.weight(WEIGHT, nIn * taps, nOut * taps, nOut, nIn, kernel[0], kernel[1]),
                ParamSpec.bias(BIAS, 1, nOut));
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new Conv2DLayer(conf, dataType);
    }
}
