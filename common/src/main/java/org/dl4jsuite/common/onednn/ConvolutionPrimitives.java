package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's 2-D convolution for one shape (N images of C×H×W, O filters of kH×kW, stride, padding), with the
 * ReLU fused as a post-op when asked: the forward pass (training or inference), and for training the ReLU
 * backward from the saved output, the weight and bias gradients, and the input gradient when it is wanted.
 * Each primitive runs in the layout it chose (blocked layouts such as nChw16c, where oneDNN's direct JIT
 * convolutions are about twice as fast as its im2col + gemm on plain NCHW: bench/probes/onednn-conv); the
 * caller's arrays are plain NCHW, reordered in and out once per pass, and DL4J's OIHW weights are reordered
 * into the primitives' layouts by reorders created once.
 */
final class ConvolutionPrimitives extends PrimitiveSet {
    /**
     * Channels below oneDNN's block of 16: a frozen layer's input gradient or output with so few is asked for in plain
     * NCHW.
     */
    static final long FEW_CHANNELS = 16;

    final long[] inputShape;
    final long[] outputShape;
    final boolean training;

    private final OneDnnMemory src;
    private final OneDnnMemory userWeights;
    private final OneDnnMemory bias;
    private final Reorder toForwardSrc;
    private final Reorder toForwardWeights;
    private final LayerOutput output;
    private final dnnl_primitive forward;
    private final Args forwardArgs;

    private final WeightGradient weightGradient;
    private final InputGradient inputGradient;
    private boolean weightsPrepared;
    private boolean backwardDataWeightsPrepared;

    /** The weight and bias gradient: its primitive and the reorders into and out of its layouts. */
    private record WeightGradient(Reorder toSrc, Reorder toDiffDst, OneDnnMemory diffBias, Reorder diffWeightsToUser,
                                  dnnl_primitive primitive, Args args) {
    }

    /** The input gradient: its primitive and the reorders into and out of its layouts. */
    private record InputGradient(Reorder toDiffDst, Reorder toWeights, OneDnnMemory user, Reorder diffSrcToUser,
                                 dnnl_primitive primitive, Args args) {
    }

    /**
     * Primitives for input [N, C, H, W], weights [O, C, kH, kW], {@code stride} and {@code padding} (top,
     * left), giving [N, O, outH, outW]; with {@code relu} the output is max(0, ·). In training, the backward
     * pass computes the weight gradients if {@code weightGradients} and the input gradient if {@code inputGradient}
     * (primitives and buffers only for what is asked).
     */
    ConvolutionPrimitives(OneDnn dnn, long[] inputShape, long[] weightShape, long[] outputShape, long[] stride,
                          long[] padding, boolean relu, boolean training, boolean weightGradients, boolean inputGradient) {
        super(dnn);
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.training = training;
        long[] paddingR = {
            (outputShape[2] - 1) * stride[0] + weightShape[2] - inputShape[2] - padding[0],
            (outputShape[3] - 1) * stride[1] + weightShape[3] - inputShape[3] - padding[1]};
        dnnl_memory_desc_t srcMd = desc(dnnl_nchw, inputShape);
        dnnl_memory_desc_t dstMd = desc(dnnl_nchw, outputShape);
        dnnl_memory_desc_t srcAny = desc(dnnl_format_tag_any, inputShape);
        dnnl_memory_desc_t dstAny = desc(dnnl_format_tag_any, outputShape);
        dnnl_memory_desc_t weightsUser = desc(dnnl_oihw, weightShape);
        dnnl_memory_desc_t weightsAny = desc(dnnl_format_tag_any, weightShape);
        dnnl_memory_desc_t biasMd = desc(dnnl_x, weightShape[0]);
        String what = "convolve " + java.util.Arrays.toString(inputShape) + " by " + java.util.Arrays.toString(weightShape);
        try {
            dnnl_convolution_desc_t fd = new dnnl_convolution_desc_t();
            // Only for frozen layers (an attack: no weight gradient): in training, LeNet-5's few-channel layers ran
            // 14% slower on the plain layouts (bench A/B, one epoch, 2 runs each: 14,825 / 13,732 against 12,734 /
            // 11,885 examples/s).
            boolean plainFewChannels = training && !weightGradients;
            // Few output channels (AlexNet's 3-channel normalisation) likewise stay plain rather than padded to 16.
            dnnl_memory_desc_t dstAsked = plainFewChannels && outputShape[1] < FEW_CHANNELS ? dstMd : dstAny;
            OneDnn.check(dnnl_convolution_forward_desc_init(fd, training ? dnnl_forward_training : dnnl_forward_inference,
                    dnnl_convolution_direct, srcAny, weightsAny, biasMd, dstAsked, stride, padding, paddingR),
                    "describe a convolution");
            dnnl_primitive_desc fpd = relu ? primitiveDescWithRelu(fd, what) : primitiveDesc(fd, null, what);
            dnnl_memory_desc_t srcLayout = query(fpd, DNNL_ARG_SRC);
            src = plain(srcMd, inputShape);
            toForwardSrc = reorder(srcMd, src, srcLayout);
            userWeights = plain(weightsUser, weightShape);
            bias = plain(biasMd, weightShape[0]);
            toForwardWeights = reorder(weightsUser, userWeights, query(fpd, DNNL_ARG_WEIGHTS));
            output = new LayerOutput(this, query(fpd, DNNL_ARG_DST), dstMd, outputShape, relu, training);
            forwardArgs = new Args().add(DNNL_ARG_SRC, toForwardSrc.target).add(DNNL_ARG_WEIGHTS, toForwardWeights.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST, output.dst)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(fpd));
            forward = primitive(fpd);
            if (!training) {
                this.weightGradient = null;
                this.inputGradient = null;
                return;
            }

            // The weight and input gradients read the output gradient in the output's layout, reordered where their
            // primitives chose otherwise.
            dnnl_memory_desc_t dstLayout = output.layout;
            OneDnnMemory diffDst = output.gradient();

            if (weightGradients) {
                dnnl_convolution_desc_t bwd = new dnnl_convolution_desc_t();
                OneDnn.check(dnnl_convolution_backward_weights_desc_init(bwd, dnnl_convolution_direct, srcAny, weightsAny,
                        biasMd, dstAny, stride, padding, paddingR), "describe a convolution's weight gradient");
                dnnl_primitive_desc bwpd = primitiveDesc(bwd, fpd, what + " (weight gradient)");
                Reorder toSrc = reorder(srcLayout, toForwardSrc.target, query(bwpd, DNNL_ARG_SRC));
                Reorder toGradientDiffDst = reorder(dstLayout, diffDst, query(bwpd, DNNL_ARG_DIFF_DST));
                OneDnnMemory diffBias = plain(biasMd, weightShape[0]);
                Reorder diffWeightsToUser = reorderInto(query(bwpd, DNNL_ARG_DIFF_WEIGHTS), weightsUser,
                        plain(weightsUser, weightShape));
                Args args = new Args().add(DNNL_ARG_SRC, toSrc.target).add(DNNL_ARG_DIFF_DST, toGradientDiffDst.target)
                        .add(DNNL_ARG_DIFF_WEIGHTS, diffWeightsToUser.source).add(DNNL_ARG_DIFF_BIAS, diffBias)
                        .add(DNNL_ARG_SCRATCHPAD, scratchpad(bwpd));
                this.weightGradient = new WeightGradient(toSrc, toGradientDiffDst, diffBias, diffWeightsToUser,
                        primitive(bwpd), args);
            } else {
                this.weightGradient = null;
            }

            if (inputGradient) {
                dnnl_convolution_desc_t bdd = new dnnl_convolution_desc_t();
                // A few input channels (an image's 3) in oneDNN's blocked layout are padded to 16: its direct kernel
                // then does 5x the work, and a reorder strips the padding (AlexNet's first convolution: 128 ms for 12
                // images). Asked for plain NCHW, oneDNN takes its gemm + col2im kernel instead.
                dnnl_memory_desc_t diffSrcAsked = plainFewChannels && inputShape[1] < FEW_CHANNELS ? srcMd : srcAny;
                OneDnn.check(dnnl_convolution_backward_data_desc_init(bdd, dnnl_convolution_direct, diffSrcAsked,
                        weightsAny, dstAny, stride, padding, paddingR), "describe a convolution's input gradient");
                dnnl_primitive_desc bdpd = primitiveDesc(bdd, fpd, what + " (input gradient)");
                Reorder toDataDiffDst = reorder(dstLayout, diffDst, query(bdpd, DNNL_ARG_DIFF_DST));
                Reorder toWeights = reorder(weightsUser, userWeights, query(bdpd, DNNL_ARG_WEIGHTS));
                dnnl_memory_desc_t diffSrcLayout = query(bdpd, DNNL_ARG_DIFF_SRC);
                OneDnnMemory user = external(srcMd);
                Reorder diffSrcToUser = copy(diffSrcLayout, inLayout(diffSrcLayout, srcMd, inputShape), srcMd, user);
                Args args = new Args().add(DNNL_ARG_DIFF_DST, toDataDiffDst.target)
                        .add(DNNL_ARG_WEIGHTS, toWeights.target).add(DNNL_ARG_DIFF_SRC, diffSrcToUser.source)
                        .add(DNNL_ARG_SCRATCHPAD, scratchpad(bdpd));
                this.inputGradient = new InputGradient(toDataDiffDst, toWeights, user, diffSrcToUser, primitive(bdpd), args);
            } else {
                this.inputGradient = null;
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether these primitives serve this input shape in this mode, with these gradients. */
    boolean fits(long[] shape, boolean training, boolean weightGradients, boolean inputGradient) {
        return java.util.Arrays.equals(inputShape, shape) && this.training == training
                && (!training || ((this.weightGradient != null) == weightGradients
                        && (this.inputGradient != null) == inputGradient));
    }

    /** The input images [N, C, H, W] that {@link #forward} reads. */
    INDArray source() {
        return src.array();
    }

    /**
     * The forward pass with DL4J's weights [O, C, kH, kW] and bias [1, O] into {@code outputArray} [N, O, outH, outW]
     * (a dense 'c'-order array); with {@code weightsAsBefore} the weights prepared by the previous call are used
     * again (they are known not to have changed).
     */
    void forward(INDArray weights, INDArray biasRow, boolean weightsAsBefore, INDArray outputArray) {
        if (!weightsAsBefore || !weightsPrepared) {
            userWeights.array().assign(weights);
            bias.array().assign(biasRow.reshape(biasRow.length()));
            toForwardWeights.run();
            backwardDataWeightsPrepared = false;
            weightsPrepared = true;
        }
        toForwardSrc.run();
        execute(forward, forwardArgs, "run a convolution");
        output.writeTo(outputArray);
    }

    /**
     * The backward pass of the last {@link #forward} for {@code outputGradient} [N, O, outH, outW]: the weight and
     * bias gradients into DL4J's views (none when {@code weightGradientView} is null), and the input gradient into
     * {@code inputGradientArray} (a dense 'c'-order array; none when null). Each must have been asked for at creation.
     */
    void backward(INDArray outputGradient, INDArray weightGradientView, INDArray biasGradientView,
                  INDArray inputGradientArray) {
        if ((weightGradientView != null && weightGradient == null) || (inputGradientArray != null && inputGradient == null)) {
            throw new IllegalStateException("these convolution primitives were made without that gradient");
        }
        output.readGradient(outputGradient);
        if (weightGradientView != null) {
            WeightGradient g = weightGradient;
            g.toSrc().run();
            g.toDiffDst().run();
            execute(g.primitive(), g.args(), "compute a convolution's weight gradient");
            g.diffWeightsToUser().run();
            weightGradientView.assign(g.diffWeightsToUser().target.array());
            biasGradientView.assign(g.diffBias().array().reshape(biasGradientView.shape()));
        }
        if (inputGradientArray != null) {
            InputGradient g = inputGradient;
            if (!backwardDataWeightsPrepared) {
                g.toWeights().run();
                backwardDataWeightsPrepared = true;
            }
            g.toDiffDst().run();
            execute(g.primitive(), g.args(), "compute a convolution's input gradient");
            g.user().bindTarget(inputGradientArray);
            g.diffSrcToUser().run();
        }
    }
}
