package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_eltwise;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_post_ops;
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

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * The machinery every cached set of oneDNN primitives shares: memory descriptors, primitive creation with a
 * user-managed scratchpad (the thread's shared {@link Scratchpad}, so nothing is allocated per call), buffers,
 * reorders and argument lists, all freed together by {@link #close()}.
 */
abstract class PrimitiveSet implements AutoCloseable {
    final OneDnn dnn;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final dnnl_primitive_attr attr = new dnnl_primitive_attr();

    PrimitiveSet(OneDnn dnn) {
        this.dnn = dnn;
        OneDnn.check(dnnl_primitive_attr_create(attr), "create primitive attributes");
        owned.add(() -> dnnl_primitive_attr_destroy(attr));
        OneDnn.check(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user), "set the scratchpad mode");
    }

    /** A plain f32 memory descriptor of format {@code tag} (or format_tag_any). */
    static dnnl_memory_desc_t desc(int tag, long... dims) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        OneDnn.check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "describe a memory");
        return md;
    }

    /** A primitive descriptor for the operation {@code opDesc} (a dnnl_*_desc_t), with this set's attributes. */
    dnnl_primitive_desc primitiveDesc(Pointer opDesc, dnnl_primitive_desc hint, String what) {
        return primitiveDesc(opDesc, hint, what, attr);
    }

    /** As {@link #primitiveDesc(Pointer, dnnl_primitive_desc, String)}, with a ReLU applied to the result (a post-op). */
    dnnl_primitive_desc primitiveDescWithRelu(Pointer opDesc, String what) {
        dnnl_primitive_attr reluAttr = new dnnl_primitive_attr();
        OneDnn.check(dnnl_primitive_attr_create(reluAttr), "create primitive attributes");
        owned.add(() -> dnnl_primitive_attr_destroy(reluAttr));
        OneDnn.check(dnnl_primitive_attr_set_scratchpad_mode(reluAttr, dnnl_scratchpad_mode_user), "set the scratchpad mode");
        dnnl_post_ops ops = new dnnl_post_ops();
        OneDnn.check(dnnl_post_ops_create(ops), "create post-ops");
        try {
            OneDnn.check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, 0f, 0f), "append a ReLU post-op");
            OneDnn.check(dnnl_primitive_attr_set_post_ops(reluAttr, ops), "set post-ops");
        } finally {
            dnnl_post_ops_destroy(ops);
        }
        return primitiveDesc(opDesc, null, what, reluAttr);
    }

    private dnnl_primitive_desc primitiveDesc(Pointer opDesc, dnnl_primitive_desc hint, String what,
                                              dnnl_primitive_attr attributes) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(opDesc), attributes, dnn.engine(), hint),
                "create a primitive to " + what);
        owned.add(() -> dnnl_primitive_desc_destroy(pd));
        return pd;
    }

    /** The primitive of {@code pd}, destroyed with this set. */
    dnnl_primitive primitive(dnnl_primitive_desc pd) {
        dnnl_primitive p = new dnnl_primitive();
        OneDnn.check(dnnl_primitive_create(p, pd), "create a primitive");
        owned.add(() -> dnnl_primitive_destroy(p));
        return p;
    }

    /** A copy of the primitive's memory descriptor for {@code arg} (a zero descriptor when it has none). */
    static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int arg) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        dnnl_memory_desc_t queried = dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
        if (queried != null && !queried.isNull()) {
            Pointer.memcpy(md, queried, Loader.sizeof(dnnl_memory_desc_t.class));
        }
        return md;
    }

    /** A memory over a new detached ND4J float array of {@code shape}. */
    OneDnnMemory plain(dnnl_memory_desc_t md, long... shape) {
        OneDnnMemory m = OneDnnMemory.ofArray(dnn, md, shape);
        owned.add(m);
        return m;
    }

    /** A memory over new native bytes in the layout {@code md} names. */
    OneDnnMemory opaque(dnnl_memory_desc_t md) {
        OneDnnMemory m = OneDnnMemory.opaque(dnn, md);
        owned.add(m);
        return m;
    }

    /**
     * The scratchpad memory of {@code pd}: pointed at the executing thread's shared {@link Scratchpad} before each
     * execution, so no set keeps scratch memory of its own.
     */
    OneDnnMemory scratchpad(dnnl_primitive_desc pd) {
        return external(query(pd, DNNL_ARG_SCRATCHPAD));
    }

    /** A memory of plain layout {@code md} over the caller's arrays ({@link OneDnnMemory#bindSource}, {@code bindTarget}). */
    OneDnnMemory external(dnnl_memory_desc_t md) {
        OneDnnMemory m = OneDnnMemory.external(dnn, md);
        owned.add(m);
        return m;
    }

    /** A reorder from {@code source} (layout {@code from}) into {@code target} (layout {@code to}), a copy if equal. */
    Reorder copy(dnnl_memory_desc_t from, OneDnnMemory source, dnnl_memory_desc_t to, OneDnnMemory target) {
        return new Reorder(reorderPrimitive(from, to), source, target);
    }

    /** A memory in layout {@code md}: an ND4J array of {@code shape} when {@code md} equals {@code plain}, else native bytes. */
    OneDnnMemory inLayout(dnnl_memory_desc_t md, dnnl_memory_desc_t plain, long... shape) {
        return dnnl_memory_desc_equal(md, plain) != 0 ? plain(md, shape) : opaque(md);
    }

    /**
     * The ReLU backward from the ReLU's output {@code dst}, in place on {@code diff} (dZ = dY ⊙ [Y > 0]), both in
     * {@code layout}: one layout for both, or oneDNN falls back to its reference kernel.
     */
    Runnable reluBackward(dnnl_memory_desc_t layout, OneDnnMemory dst, OneDnnMemory diff) {
        dnnl_eltwise_desc_t ef = new dnnl_eltwise_desc_t();
        OneDnn.check(dnnl_eltwise_forward_desc_init(ef, dnnl_forward_training, dnnl_eltwise_relu_use_dst_for_bwd,
                layout, 0f, 0f), "describe a ReLU");
        dnnl_primitive_desc efpd = primitiveDesc(ef, null, "apply a ReLU");
        dnnl_eltwise_desc_t eb = new dnnl_eltwise_desc_t();
        OneDnn.check(dnnl_eltwise_backward_desc_init(eb, dnnl_eltwise_relu_use_dst_for_bwd, layout, layout, 0f, 0f),
                "describe a ReLU backward");
        dnnl_primitive_desc ebpd = primitiveDesc(eb, efpd, "apply a ReLU backward");
        Args args = new Args().add(DNNL_ARG_DST, dst).add(DNNL_ARG_DIFF_DST, diff).add(DNNL_ARG_DIFF_SRC, diff)
                .add(DNNL_ARG_SCRATCHPAD, scratchpad(ebpd));
        dnnl_primitive primitive = primitive(ebpd);
        return () -> execute(primitive, args, "run a ReLU backward");
    }

    /** Runs {@code primitive} with {@code args} and waits for it. */
    void execute(dnnl_primitive primitive, Args args, String what) {
        if (args.scratchpad != null) {
            args.scratchpad.bindScratch(Scratchpad.ofThisThread(args.scratchpad.size()));
        }
        OneDnn.check(dnnl_primitive_execute(primitive, dnn.stream(), args.count(), args.pointer()), what);
        OneDnn.check(dnnl_stream_wait(dnn.stream()), what);
    }

    /** A reorder from {@code source} (layout {@code from}) into a new memory of layout {@code to}; none if equal. */
    Reorder reorder(dnnl_memory_desc_t from, OneDnnMemory source, dnnl_memory_desc_t to) {
        if (dnnl_memory_desc_equal(from, to) != 0) {
            return new Reorder(null, source, source);
        }
        return new Reorder(reorderPrimitive(from, to), source, opaque(to));
    }

    /** A reorder from a new memory of layout {@code from} into {@code target} (layout {@code to}); none if equal. */
    Reorder reorderInto(dnnl_memory_desc_t from, dnnl_memory_desc_t to, OneDnnMemory target) {
        if (dnnl_memory_desc_equal(from, to) != 0) {
            return new Reorder(null, target, target);
        }
        return new Reorder(reorderPrimitive(from, to), opaque(from), target);
    }

    private dnnl_primitive reorderPrimitive(dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(dnnl_reorder_primitive_desc_create(pd, from, dnn.engine(), to, dnn.engine(), null),
                "create a reorder");
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
    final class Reorder {
        final OneDnnMemory source;
        final OneDnnMemory target;
        private final dnnl_primitive primitive;
        private final Args args;

        Reorder(dnnl_primitive primitive, OneDnnMemory source, OneDnnMemory target) {
            this.primitive = primitive;
            this.source = source;
            this.target = target;
            this.args = primitive == null ? null : new Args().add(DNNL_ARG_FROM, source).add(DNNL_ARG_TO, target);
        }

        void run() {
            if (primitive != null) {
                execute(primitive, args, "reorder");
            }
        }
    }

    /** The argument list of one primitive execution, built once and reused. */
    final class Args {
        private final List<Integer> kinds = new ArrayList<>();
        private final List<OneDnnMemory> memories = new ArrayList<>();
        private dnnl_exec_arg_t built;
        private OneDnnMemory scratchpad;

        Args add(int kind, OneDnnMemory memory) {
            if (built != null) {
                throw new IllegalStateException("the arguments are already in use");
            }
            if (kind == DNNL_ARG_SCRATCHPAD) {
                scratchpad = memory;
            }
            kinds.add(kind);
            memories.add(memory);
            return this;
        }

        int count() {
            return kinds.size();
        }

        dnnl_exec_arg_t pointer() {
            if (built == null) {
                dnnl_exec_arg_t args = new dnnl_exec_arg_t(kinds.size());
                for (int i = 0; i < kinds.size(); i++) {
                    args.getPointer(i).arg(kinds.get(i)).memory(memories.get(i).memory());
                }
                owned.add(args::deallocate);
                built = args;
            }
            return built;
        }
    }
}
