package org.dl4jsuite.common.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/** Max- or average-pooling over NCHW images, per channel, without padding. */
public class Pool2D extends SpatialLayer {
    private static final long serialVersionUID = 1L;

    /** Which statistic of the window is kept. */
    public enum Kind {
        /** The window's maximum; the gradient goes to its argmax. */
        MAX,
        /** The window's mean; the gradient is spread evenly over it. */
        AVG
    }

    private Kind kind = Kind.MAX;

    /** For JSON. */
    public Pool2D() {
    }

    /** {@code kind} pooling over {@code size × size} windows moved by {@code stride}. */
    public Pool2D(Kind kind, int size, int stride) {
        this.kind = kind;
        this.kernel = new int[] {size, size};
        this.stride = new int[] {stride, stride};
    }

    public Kind getKind() {
        return kind;
    }

    @Override
    protected long outputChannels(long inputChannels) {
        return inputChannels;
    }

    @Override
    public List<ParamSpec> paramSpecs() {
        return List.of();
    }

    @Override
    protected Layer createImplementation(NeuralNetConfiguration conf, DataType dataType) {
        return new Pool2DLayer(conf, dataType);
    }
}
