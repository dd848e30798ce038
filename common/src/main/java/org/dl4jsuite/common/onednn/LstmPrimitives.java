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
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_backward;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgo;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgoi;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_scratchpad_mode;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_exec_arg_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_scratchpad_mode_user;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_wait;
import static org.bytedeco.dnnl.global.dnnl.dnnl_tnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_unidirectional_left2right;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_rnn_desc_t;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
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
final class LstmPrimitives implements AutoCloseable {
    final long steps;
    final long batch;
    final long inputs;
    final long hidden;
    final boolean training;

    private final OneDnn dnn;
    private final List<AutoCloseable> owned = new ArrayList<>();

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
    private final dnnl_exec_arg_t forwardArgs;
    private final int forwardArgCount;
    private final Reorder toForwardLayer;
    private final Reorder toForwardIter;

    // Training only (null for inference).
    private final dnnl_primitive backward;
    private final dnnl_exec_arg_t backwardArgs;
    private final int backwardArgCount;
    private final Reorder toBackwardLayer;
    private final Reorder toBackwardIter;
    private final Reorder diffLayerToUser;
    private final Reorder diffIterToUser;
    private final OneDnnMemory diffDst;
    private final OneDnnMemory diffSrc;
    private final OneDnnMemory diffWeightsLayer;
    private final OneDnnMemory diffWeightsIter;
    private final OneDnnMemory diffBias;
    private final OneDnnMemory userDiffWeightsLayer;
    private final OneDnnMemory userDiffWeightsIter;

    LstmPrimitives(OneDnn dnn, long steps, long batch, long inputs, long hidden, boolean training) {
        this.dnn = dnn;
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

        // One scratchpad per primitive, owned here, instead of oneDNN allocating it on every call.
        dnnl_primitive_attr attr = new dnnl_primitive_attr();
        OneDnn.check(dnnl_primitive_attr_create(attr), "create primitive attributes");
        OneDnn.check(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user), "set the scratchpad mode");
        try {
            dnnl_rnn_desc_t forwardDesc = new dnnl_rnn_desc_t();
            OneDnn.check(dnnl_lstm_forward_desc_init(forwardDesc, training ? dnnl_forward_training : dnnl_forward_inference,
                    dnnl_unidirectional_left2right, srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd,
                    stateMd, stateMd, 0), "describe the LSTM forward pass");
            dnnl_primitive_desc forwardPd = primitiveDesc(forwardDesc, attr, null);

            src = plain(srcMd, steps, batch, inputs);
            srcIter = plain(stateMd, batch, hidden);
            srcIterC = plain(stateMd, batch, hidden);
            dst = plain(dstMd, steps, batch, hidden);
            dstIter = plain(stateMd, batch, hidden);
            dstIterC = plain(stateMd, batch, hidden);
            userWeightsLayer = plain(layerUser, 4, hidden, inputs);
            userWeightsIter = plain(iterUser, 4, hidden, hidden);
            bias = plain(biasMd, 4, hidden);

            dnnl_memory_desc_t fwdLayerMd = query(forwardPd, DNNL_ARG_WEIGHTS_LAYER);
            dnnl_memory_desc_t fwdIterMd = query(forwardPd, DNNL_ARG_WEIGHTS_ITER);
            toForwardLayer = reorder(layerUser, userWeightsLayer, fwdLayerMd);
            toForwardIter = reorder(iterUser, userWeightsIter, fwdIterMd);
            OneDnnMemory workspace = training ? opaque(query(forwardPd, DNNL_ARG_WORKSPACE)) : null;
            OneDnnMemory forwardScratch = opaque(query(forwardPd, DNNL_ARG_SCRATCHPAD));

            Args fa = new Args()
                    .add(DNNL_ARG_SRC_LAYER, src).add(DNNL_ARG_SRC_ITER, srcIter).add(DNNL_ARG_SRC_ITER_C, srcIterC)
                    .add(DNNL_ARG_WEIGHTS_LAYER, toForwardLayer.target).add(DNNL_ARG_WEIGHTS_ITER, toForwardIter.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST_LAYER, dst).add(DNNL_ARG_DST_ITER, dstIter)
                    .add(DNNL_ARG_DST_ITER_C, dstIterC).add(DNNL_ARG_SCRATCHPAD, forwardScratch);
            if (training) {
                fa.add(DNNL_ARG_WORKSPACE, workspace);
            }
            forward = primitive(forwardPd);
            forwardArgs = fa.build();
            forwardArgCount = fa.count();

            if (!training) {
                backward = null;
                backwardArgs = null;
                backwardArgCount = 0;
                toBackwardLayer = toBackwardIter = diffLayerToUser = diffIterToUser = null;
                diffDst = diffSrc = diffWeightsLayer = diffWeightsIter = diffBias = null;
                userDiffWeightsLayer = userDiffWeightsIter = null;
                dnnl_primitive_desc_destroy(forwardPd);
                return;
            }

            dnnl_rnn_desc_t backwardDesc = new dnnl_rnn_desc_t();
            OneDnn.check(dnnl_lstm_backward_desc_init(backwardDesc, dnnl_backward, dnnl_unidirectional_left2right,
                    srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd, stateMd, stateMd,
                    srcMd, stateMd, stateMd, layerAny, iterAny, biasMd, dstMd, stateMd, stateMd, 0),
                    "describe the LSTM backward pass");
            dnnl_primitive_desc backwardPd = primitiveDesc(backwardDesc, attr, forwardPd);

            dnnl_memory_desc_t bwdLayerMd = query(backwardPd, DNNL_ARG_WEIGHTS_LAYER);
            dnnl_memory_desc_t bwdIterMd = query(backwardPd, DNNL_ARG_WEIGHTS_ITER);
            toBackwardLayer = reorder(layerUser, userWeightsLayer, bwdLayerMd);
            toBackwardIter = reorder(iterUser, userWeightsIter, bwdIterMd);

            diffDst = plain(dstMd, steps, batch, hidden);
            diffSrc = plain(srcMd, steps, batch, inputs);
            OneDnnMemory diffDstIter = plain(stateMd, batch, hidden);   // stays zero: no gradient from later windows
            OneDnnMemory diffDstIterC = plain(stateMd, batch, hidden);
            OneDnnMemory diffSrcIter = plain(stateMd, batch, hidden);   // the carried state's gradient, unused
            OneDnnMemory diffSrcIterC = plain(stateMd, batch, hidden);
            userDiffWeightsLayer = plain(layerUser, 4, hidden, inputs);
            userDiffWeightsIter = plain(iterUser, 4, hidden, hidden);
            diffBias = plain(biasMd, 4, hidden);
            dnnl_memory_desc_t diffLayerMd = query(backwardPd, DNNL_ARG_DIFF_WEIGHTS_LAYER);
            dnnl_memory_desc_t diffIterMd = query(backwardPd, DNNL_ARG_DIFF_WEIGHTS_ITER);
            diffLayerToUser = reorderInto(diffLayerMd, layerUser, userDiffWeightsLayer);
            diffIterToUser = reorderInto(diffIterMd, iterUser, userDiffWeightsIter);
            diffWeightsLayer = diffLayerToUser.source;
            diffWeightsIter = diffIterToUser.source;
            OneDnnMemory backwardScratch = opaque(query(backwardPd, DNNL_ARG_SCRATCHPAD));

            Args ba = new Args()
                    .add(DNNL_ARG_SRC_LAYER, src).add(DNNL_ARG_SRC_ITER, srcIter).add(DNNL_ARG_SRC_ITER_C, srcIterC)
                    .add(DNNL_ARG_WEIGHTS_LAYER, toBackwardLayer.target).add(DNNL_ARG_WEIGHTS_ITER, toBackwardIter.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST_LAYER, dst).add(DNNL_ARG_DST_ITER, dstIter)
                    .add(DNNL_ARG_DST_ITER_C, dstIterC).add(DNNL_ARG_WORKSPACE, workspace)
                    .add(DNNL_ARG_DIFF_DST_LAYER, diffDst).add(DNNL_ARG_DIFF_DST_ITER, diffDstIter)
                    .add(DNNL_ARG_DIFF_DST_ITER_C, diffDstIterC).add(DNNL_ARG_DIFF_SRC_LAYER, diffSrc)
                    .add(DNNL_ARG_DIFF_SRC_ITER, diffSrcIter).add(DNNL_ARG_DIFF_SRC_ITER_C, diffSrcIterC)
                    .add(DNNL_ARG_DIFF_WEIGHTS_LAYER, diffWeightsLayer).add(DNNL_ARG_DIFF_WEIGHTS_ITER, diffWeightsIter)
                    .add(DNNL_ARG_DIFF_BIAS, diffBias).add(DNNL_ARG_SCRATCHPAD, backwardScratch);
            backward = primitive(backwardPd);
            backwardArgs = ba.build();
            backwardArgCount = ba.count();
            dnnl_primitive_desc_destroy(backwardPd);
            dnnl_primitive_desc_destroy(forwardPd);
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            dnnl_primitive_attr_destroy(attr);
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
        execute(forward, forwardArgs, forwardArgCount, "run the LSTM forward pass");
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
        diffWeightsLayer.zero();
        diffWeightsIter.zero();
        diffBias.zero();
        execute(backward, backwardArgs, backwardArgCount, "run the LSTM backward pass");
        diffLayerToUser.run();
        diffIterToUser.run();
        LstmGates.weightsToDl4j(userDiffWeightsLayer.array(), inputWeightsGradient);
        LstmGates.weightsToDl4j(userDiffWeightsIter.array(), recurrentWeightsGradient);
        LstmGates.biasToDl4j(diffBias.array(), biasGradient);
    }

    private void execute(dnnl_primitive primitive, dnnl_exec_arg_t args, int count, String what) {
        OneDnn.check(dnnl_primitive_execute(primitive, dnn.stream(), count, args), what);
        OneDnn.check(dnnl_stream_wait(dnn.stream()), what);
    }

    private static dnnl_memory_desc_t desc(int tag, long... dims) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        OneDnn.check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "describe a memory");
        return md;
    }

    private dnnl_primitive_desc primitiveDesc(dnnl_rnn_desc_t desc, dnnl_primitive_attr attr, dnnl_primitive_desc hint) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(desc), attr, dnn.engine(), hint),
                "create an LSTM primitive for T=" + steps + " N=" + batch + " C=" + inputs + " H=" + hidden);
        return pd;
    }

    private dnnl_primitive primitive(dnnl_primitive_desc pd) {
        dnnl_primitive p = new dnnl_primitive();
        OneDnn.check(dnnl_primitive_create(p, pd), "create a primitive");
        owned.add(() -> dnnl_primitive_destroy(p));
        return p;
    }

    /** A copy of the primitive's memory descriptor for {@code arg} (it outlives the primitive descriptor). */
    private static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int arg) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        dnnl_memory_desc_t queried = dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
        if (queried != null && !queried.isNull()) {
            Pointer.memcpy(md, queried, Loader.sizeof(dnnl_memory_desc_t.class));
        }
        return md;
    }

    private OneDnnMemory plain(dnnl_memory_desc_t md, long... shape) {
        OneDnnMemory m = OneDnnMemory.ofArray(dnn, md, shape);
        owned.add(m);
        return m;
    }

    private OneDnnMemory opaque(dnnl_memory_desc_t md) {
        OneDnnMemory m = OneDnnMemory.opaque(dnn, md);
        owned.add(m);
        return m;
    }

    /** A reorder from {@code source} (plain, {@code from}) into a new memory of layout {@code to}, or none if equal. */
    private Reorder reorder(dnnl_memory_desc_t from, OneDnnMemory source, dnnl_memory_desc_t to) {
        if (dnnl_memory_desc_equal(from, to) != 0) {
            return new Reorder(null, source, source);
        }
        OneDnnMemory target = opaque(to);
        return new Reorder(reorderPrimitive(from, to), source, target);
    }

    /** A reorder from a new memory of layout {@code from} into {@code target} (plain, {@code to}), or none if equal. */
    private Reorder reorderInto(dnnl_memory_desc_t from, dnnl_memory_desc_t to, OneDnnMemory target) {
        if (dnnl_memory_desc_equal(from, to) != 0) {
            return new Reorder(null, target, target);
        }
        OneDnnMemory source = opaque(from);
        return new Reorder(reorderPrimitive(from, to), source, target);
    }

    private dnnl_primitive reorderPrimitive(dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(dnnl_reorder_primitive_desc_create(pd, from, dnn.engine(), to, dnn.engine(), null),
                "create a weight reorder");
        try {
            return primitive(pd);
        } finally {
            dnnl_primitive_desc_destroy(pd);
        }
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // closing native handles does not fail in a way the caller could act on
            }
        }
        owned.clear();
    }

    /** A reorder between two memories, or nothing when they share one layout (then source == target). */
    private final class Reorder {
        private final dnnl_primitive primitive;
        private final OneDnnMemory source;
        private final OneDnnMemory target;
        private final dnnl_exec_arg_t args;

        Reorder(dnnl_primitive primitive, OneDnnMemory source, OneDnnMemory target) {
            this.primitive = primitive;
            this.source = source;
            this.target = target;
            this.args = primitive == null ? null
                    : new Args().add(DNNL_ARG_FROM, source).add(DNNL_ARG_TO, target).build();
        }

        void run() {
            if (primitive != null) {
                execute(primitive, args, 2, "reorder LSTM weights");
            }
        }
    }

    /** The argument list of one primitive execution. */
    private final class Args {
        private final List<Integer> kinds = new ArrayList<>();
        private final List<OneDnnMemory> memories = new ArrayList<>();

        Args add(int kind, OneDnnMemory memory) {
            kinds.add(kind);
            memories.add(memory);
            return this;
        }

        int count() {
            return kinds.size();
        }

        dnnl_exec_arg_t build() {
            dnnl_exec_arg_t args = new dnnl_exec_arg_t(kinds.size());
            for (int i = 0; i < kinds.size(); i++) {
                args.getPointer(i).arg(kinds.get(i)).memory(memories.get(i).memory());
            }
            owned.add(args::deallocate);
            return args;
        }
    }
}
