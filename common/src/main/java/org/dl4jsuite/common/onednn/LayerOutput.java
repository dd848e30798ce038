package org.dl4jsuite.common.onednn;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output of a forward primitive with an optional fused ReLU: {@link #dst} in the layout the primitive chose,
 * copied into the caller's plain array; in training, the caller's output gradient copied into that layout and
 * taken through the ReLU backward (dZ = dY ⊙ [Y > 0]) into {@link #gradient()}, which the backward primitives read.
 * Its memories and primitives belong to the {@link PrimitiveSet} that makes it.
 */
final class LayerOutput {
    final dnnl_memory_desc_t layout;
    final OneDnnMemory dst;
    private final PrimitiveSet.Reorder toUser;
    private final PrimitiveSet.Reorder fromUserGradient;
    private final Runnable reluBackward;

    /** The output of {@code shape} in {@code layout} ({@code plain} is the caller's layout), owned by {@code set}. */
    LayerOutput(PrimitiveSet set, dnnl_memory_desc_t layout, dnnl_memory_desc_t plain, long[] shape, boolean relu,
                boolean training) {
        this.layout = layout;
        dst = set.inLayout(layout, plain, shape);
        toUser = set.copy(layout, dst, plain, set.external(plain));
        if (!training) {
            fromUserGradient = null;
            reluBackward = null;
            return;
        }
        // The gradient goes once from the caller's layout into the output's, where the ReLU backward runs in place
        // (a JIT kernel only when both share one layout).
        fromUserGradient = set.copy(plain, set.external(plain), layout, set.inLayout(layout, plain, shape));
        reluBackward = relu ? set.reluBackward(layout, dst, fromUserGradient.target) : null;
    }

    /** Copies the last forward pass's output into {@code output} (a dense array in the caller's layout). */
    void writeTo(INDArray output) {
        toUser.target.bindTarget(output);
        toUser.run();
    }

    /** Takes {@code outputGradient} (the caller's layout) into {@link #gradient()}, through the ReLU backward. */
    void readGradient(INDArray outputGradient) {
        INDArray bound = fromUserGradient.source.bindSource(outputGradient);
        fromUserGradient.run();
        java.lang.ref.Reference.reachabilityFence(bound);
        if (reluBackward != null) {
            reluBackward.run();
        }
    }

    /** The output gradient in {@link #layout}, after {@link #readGradient}. */
    OneDnnMemory gradient() {
        return fromUserGradient.target;
    }
}
