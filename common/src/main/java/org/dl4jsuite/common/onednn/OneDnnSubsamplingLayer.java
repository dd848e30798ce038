package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_exclude_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_include_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 2-D max or average pooling layer run by oneDNN primitives created once per input shape
 * ({@link PoolingPrimitives}); the backward pass reads the max positions the forward pass kept instead of
 * pooling again. Everything else (another backend or {@code --impl dl4j}, double precision, NHWC, "Same"
 * padding, dilation, p-norm pooling, dropout) is DL4J's own.
 */
public class OneDnnSubsamplingLayer extends SubsamplingLayer {
    private final transient ShapeCache<PoolingPrimitives> shapes = new ShapeCache<>(3);

    /** The layer for {@code conf}, whose layer configuration is a {@link OneDnnSubsampling}. */
    public OneDnnSubsamplingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer runs on oneDNN. */
    public boolean usesOneDnn() {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
        return dataType == DataType.FLOAT && c.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && (c.getConvolutionMode() == ConvolutionMode.Truncate || c.getConvolutionMode() == ConvolutionMode.Strict)
                && c.getDilation()[0] == 1 && c.getDilation()[1] == 1 && c.getIDropout() == null
                && (c.getPoolingType() == PoolingType.MAX || c.getPoolingType() == PoolingType.AVG)
                && OneDnn.available();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || input.rank() != 4 || input.dataType() != DataType.FLOAT || !usesOneDnn()) {
            shapes.clearPending();
            return super.activate(training, workspaceMgr);
        }
        PoolingPrimitives p = shapeFor(input.shape(), training);
        p.source().assign(input);
        p.forward();
        shapes.forwarded(p, training);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, p.outputShape, 'c');
        return out.assign(p.output());
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (shapes.pending() == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        PoolingPrimitives p = shapes.pending();
        p.outputGradient().assign(epsilon);
        p.backward();
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                p.inputShape, 'c');
        return new Pair<>(new DefaultGradient(), inputGradient.assign(p.inputGradient()));
    }

    private PoolingPrimitives shapeFor(long[] inputShape, boolean training) {
        return shapes.get(p -> p.fits(inputShape, training), () -> create(inputShape, training));
    }

    private PoolingPrimitives create(long[] inputShape, boolean training) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer c = layerConf();
        int[] out = ConvolutionUtils.getOutputSize(input, c.getKernelSize(), c.getStride(), c.getPadding(),
                c.getConvolutionMode(), c.getDilation(), CNN2DFormat.NCHW);
        int algorithm = c.getPoolingType() == PoolingType.MAX ? dnnl_pooling_max
                : c.isAvgPoolIncludePadInDivisor() ? dnnl_pooling_avg_include_padding : dnnl_pooling_avg_exclude_padding;
        return new PoolingPrimitives(OneDnn.get(), algorithm, inputShape,
                new long[] {inputShape[0], inputShape[1], out[0], out[1]},
                new long[] {c.getKernelSize()[0], c.getKernelSize()[1]}, new long[] {c.getStride()[0], c.getStride()[1]},
                new long[] {c.getPadding()[0], c.getPadding()[1]}, training);
    }
}
