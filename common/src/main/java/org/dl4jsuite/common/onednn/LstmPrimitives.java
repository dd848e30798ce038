package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_backward;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgo;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgoi;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_tnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_unidirectional_left2right;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_rnn_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's LSTM primitives and their buffers for one shape: a window of T steps, N sequences, C inputs,
 * H units (one unidirectional layer, f32). Created once per shape and reused every step: the forward
 * (training, with its workspace, or inference) and the backward primitive, the weight reorders from the
 * plain {@code ldgoi} copy of DL4J's weights into the layouts the primitives chose, and every buffer.
 *
 * <p>Sequences are time-major ({@code tnc}, [T, N, C]) and states {@code ldnc} ([N, H] with L = D = 1),
 * each an ND4J array that ND4J ops fill and read in place. Weights and gradients go through
 * {@link LstmGates}. The carried state enters as src_iter / src_iter_c and leaves as dst_iter / dst_iter_c;
 * the backward pass starts from the same state, and no gradient enters through dst_iter (truncated BPTT).
 */
final class LstmPrimitives extends PrimitiveSet {
    final long steps;
    final long batch;
    final long inputs;
    final long hidden;
    final boolean training;

    // Plain buffers that ND4J reads and writes.
    private final OneDnnMemory src;
    private final OneDnnMemory srcIter;
    private final OneDnnMemory srcIterC;
    private final OneDnnMemory dst;
    private final OneDnnMemory dstIter;
    private final OneDnnMemory dstIterC;
    private final OneDnnMemory userWeightsLayer;
    private final OneDnnMemory userWeightsIter;
    private final OneDnnMemory bias;

    private final dnnl_primitive forward;
    private final Args forwardArgs;
    private final Reorder toForwardLayer;
    private final Reorder toForwardIter;

    // Training only (null for inference).
    private final dnnl_primitive backward;
    private final Args backwardArgs;
    private final Reorder toBackwardLayer;
    private final Reorder toBackwardIter;
    private final Reorder diffLayerToUser;
    private final Reorder diffIterToUser;
    private final OneDnnMemory diffDst;
    private final OneDnnMemory diffSrc;
    private final OneDnnMemory diffBias;
    private final OneDnnMemory userDiffWeightsLayer;
    private final OneDnnMemory userDiffWeightsIter;

    LstmPrimitives(OneDnn dnn, long steps, long batch, long inputs, long hidden, boolean training) {
        super(dnn);
        this.steps = steps;
        this.batch = batch;
        this.inputs = inputs;
        this.hidden = hidden;
        this.training = training;

        dnnl_memory_desc_t srcMd = desc(dnnl_tnc, steps, batch, inputs);
        dnnl_memory_desc_t stateMd = desc(dnnl_ldnc, 1, 1, batch, hidden);
        dnnl_memory_desc_t layerAny = desc(dnnl_format_tag_any, 1, 1, inputs, 4, hidden);
        dnnl_memory_desc_t iterAny = desc(dnnl_format_tag_any, 1, 1, hidden, 4, hidden);
        dnnl_memory_desc_t layerUser = desc(dnnl_ldgoi, 1, 1, inputs, 4, hidden);
        dnnl_memory_desc_t iterUser = desc(dnnl_ldgoi, 1, 1, hidden, 4, hidden);
        dnnl_memory_desc_t biasMd = desc(dnnl_ldgo, 1, 1, 4, hidden);
        dnnl_memory_desc_t dstMd = desc(dnnl_tnc, steps, batch, hidden);
        String shape = "run an LSTM over T=" + steps + " N=" + batch + " C=" + inputs + " H=" + hidden;
        try {
            dnnl_rnn_desc_t forwardDesc = new dnnl_rnn_desc_t();
            OneDnn.check(dnnl_lstm_forward_desc_init(forwardDesc, training ? dnnl_forward_training : dnnl_forward_inference,
                    dnnl_unidirectional_left2right, srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd,
                    stateMd, stateMd, 0), "describe the LSTM forward pass");
            dnnl_primitive_desc forwardPd = primitiveDesc(forwardDesc, null, shape);

            src = plain(srcMd, steps, batch, inputs);
            srcIter = plain(stateMd, batch, hidden);
            srcIterC = plain(stateMd, batch, hidden);
            dst = plain(dstMd, steps, batch, hidden);
            dstIter = plain(stateMd, batch, hidden);
            dstIterC = plain(stateMd, batch, hidden);
            userWeightsLayer = plain(layerUser, 4, hidden, inputs);
            userWeightsIter = plain(iterUser, 4, hidden, hidden);
            bias = plain(biasMd, 4, hidden);

            toForwardLayer = reorder(layerUser, userWeightsLayer, query(forwardPd, DNNL_ARG_WEIGHTS_LAYER));
            toForwardIter = reorder(iterUser, userWeightsIter, query(forwardPd, DNNL_ARG_WEIGHTS_ITER));
            OneDnnMemory workspace = training ? opaque(query(forwardPd, DNNL_ARG_WORKSPACE)) : null;

            forwardArgs = new Args()
                    .add(DNNL_ARG_SRC_LAYER, src).add(DNNL_ARG_SRC_ITER, srcIter).add(DNNL_ARG_SRC_ITER_C, srcIterC)
                    .add(DNNL_ARG_WEIGHTS_LAYER, toForwardLayer.target).add(DNNL_ARG_WEIGHTS_ITER, toForwardIter.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST_LAYER, dst).add(DNNL_ARG_DST_ITER, dstIter)
                    .add(DNNL_ARG_DST_ITER_C, dstIterC).add(DNNL_ARG_SCRATCHPAD, scratchpad(forwardPd));
            if (training) {
                forwardArgs.add(DNNL_ARG_WORKSPACE, workspace);
            }
            forward = primitive(forwardPd);

            if (!training) {
                backward = null;
                backwardArgs = null;
                toBackwardLayer = toBackwardIter = diffLayerToUser = diffIterToUser = null;
                diffDst = diffSrc = diffBias = userDiffWeightsLayer = userDiffWeightsIter = null;
                return;
            }

            dnnl_rnn_desc_t backwardDesc = new dnnl_rnn_desc_t();
            OneDnn.check(dnnl_lstm_backward_desc_init(backwardDesc, dnnl_backward, dnnl_unidirectional_left2right,
                    srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd, stateMd, stateMd,
                    srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd, stateMd, stateMd, 0),
                    "describe the LSTM backward pass");
            dnnl_primitive_desc backwardPd = primitiveDesc(backwardDesc, forwardPd, shape + " backward");

            toBackwardLayer = reorder(layerUser, userWeightsLayer, query(backwardPd, DNNL_ARG_WEIGHTS_LAYER));
            toBackwardIter = reorder(iterUser, userWeightsIter, query(backwardPd, DNNL_ARG_WEIGHTS_ITER));
            diffDst = plain(dstMd, steps, batch, hidden);
            diffSrc = plain(srcMd, steps, batch, inputs);
            userDiffWeightsLayer = plain(layerUser, 4, hidden, inputs);
            userDiffWeightsIter = plain(iterUser, 4, hidden, hidden);
            diffBias = plain(biasMd, 4, hidden);
            diffLayerToUser = reorderInto(query(backwardPd, DNNL_ARG_DIFF_WEIGHTS_LAYER), layerUser, userDiffWeightsLayer);
            diffIterToUser = reorderInto(query(backwardPd, DNNL_ARG_DIFF_WEIGHTS_ITER), iterUser, userDiffWeightsIter);

            backwardArgs = new Args()
                    .add(DNNL_ARG_SRC_LAYER, src).add(DNNL_ARG_SRC_ITER, srcIter).add(DNNL_ARG_SRC_ITER_C, srcIterC)
                    .add(DNNL_ARG_WEIGHTS_LAYER, toBackwardLayer.target).add(DNNL_ARG_WEIGHTS_ITER, toBackwardIter.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST_LAYER, dst).add(DNNL_ARG_DST_ITER, dstIter)
                    .add(DNNL_ARG_DST_ITER_C, dstIterC).add(DNNL_ARG_WORKSPACE, workspace)
                    .add(DNNL_ARG_DIFF_DST_LAYER, diffDst)
                    // no gradient from later windows (zeros); the carried state's own gradient is not used
                    .add(DNNL_ARG_DIFF_DST_ITER, plain(stateMd, batch, hidden))
                    .add(DNNL_ARG_DIFF_DST_ITER_C, plain(stateMd, batch, hidden))
                    .add(DNNL_ARG_DIFF_SRC_LAYER, diffSrc)
                    .add(DNNL_ARG_DIFF_SRC_ITER, plain(stateMd, batch, hidden))
                    .add(DNNL_ARG_DIFF_SRC_ITER_C, plain(stateMd, batch, hidden))
                    .add(DNNL_ARG_DIFF_WEIGHTS_LAYER, diffLayerToUser.source)
                    .add(DNNL_ARG_DIFF_WEIGHTS_ITER, diffIterToUser.source)
                    .add(DNNL_ARG_DIFF_BIAS, diffBias)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(backwardPd));
            backward = primitive(backwardPd);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether these primitives serve a window of this shape. */
    boolean fits(long steps, long batch, boolean training) {
        return this.steps == steps && this.batch == batch && this.training == training;
    }

    /** The input window [T, N, C] that {@link #forward} reads. */
    INDArray source() {
        return src.array();
    }

    /** The starting hidden state [N, H] ({@code prevAct}). */
    INDArray startHidden() {
        return srcIter.array();
    }

    /** The starting cell state [N, H] ({@code prevMem}). */
    INDArray startCell() {
        return srcIterC.array();
    }

    /** The output window [T, N, H] after {@link #forward}. */
    INDArray output() {
        return dst.array();
    }

    /** The last hidden state [N, H] after {@link #forward}. */
    INDArray lastHidden() {
        return dstIter.array();
    }

    /** The last cell state [N, H] after {@link #forward}. */
    INDArray lastCell() {
        return dstIterC.array();
    }

    /** The output gradient [T, N, H] that {@link #backward} reads. */
    INDArray outputGradient() {
        return diffDst.array();
    }

    /** The input gradient [T, N, C] after {@link #backward}. */
    INDArray inputGradient() {
        return diffSrc.array();
    }

    /**
     * Runs the forward pass over {@link #source()} from the start state with DL4J's parameters W [C, 4H],
     * RW [H, 4H] and b [1, 4H]; the weights are converted to the primitive's layout first.
     */
    void forward(INDArray inputWeights, INDArray recurrentWeights, INDArray biasRow) {
        LstmGates.weightsToOneDnn(inputWeights, userWeightsLayer.array());
        LstmGates.weightsToOneDnn(recurrentWeights, userWeightsIter.array());
        LstmGates.biasToOneDnn(biasRow, bias.array());
        toForwardLayer.run();
        toForwardIter.run();
        execute(forward, forwardArgs, "run the LSTM forward pass");
    }

    /**
     * Runs the backward pass of the last {@link #forward} for {@link #outputGradient()}; writes the
     * parameter gradients into DL4J's gradient views (overwriting them) and the input gradient into
     * {@link #inputGradient()}.
     */
    void backward(INDArray inputWeightsGradient, INDArray recurrentWeightsGradient, INDArray biasGradient) {
        if (!training) {
            throw new IllegalStateException("inference primitives have no backward pass");
        }
        toBackwardLayer.run();
        toBackwardIter.run();
        // oneDNN adds the weight gradients to what its buffers hold.
        diffLayerToUser.source.zero();
        diffIterToUser.source.zero();
        diffBias.zero();
        execute(backward, backwardArgs, "run the LSTM backward pass");
        diffLayerToUser.run();
        diffIterToUser.run();
        LstmGates.weightsToDl4j(userDiffWeightsLayer.array(), inputWeightsGradient);
        LstmGates.weightsToDl4j(userDiffWeightsIter.array(), recurrentWeightsGradient);
        LstmGates.biasToDl4j(diffBias.array(), biasGradient);
    }
}
