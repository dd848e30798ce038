package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_forward_desc_init;

import java.util.Arrays;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's 2-D pooling (max, or average over the window without padding) for one shape, on plain NCHW
 * ND4J arrays: the forward pass and, for training, the backward pass from the workspace the forward pass
 * kept (the max positions), so the backward pass never runs the pooling again (libnd4j's maxpool2d_bp does).
 */
final class PoolingPrimitives extends PrimitiveSet {
    final long[] inputShape;
    final long[] outputShape;
    final boolean training;

    private final OneDnnMemory src;
    private final OneDnnMemory dst;
    private final dnnl_primitive forward;
    private final Args forwardArgs;
    private final OneDnnMemory diffDst;
    private final OneDnnMemory diffSrc;
    private final dnnl_primitive backward;
    private final Args backwardArgs;

    /** Primitives for oneDNN pooling {@code algorithm} over [N, C, H, W] with {@code kernel}, {@code stride}, {@code padding}. */
    PoolingPrimitives(OneDnn dnn, int algorithm, long[] inputShape, long[] outputShape, long[] kernel, long[] stride,
                      long[] padding, boolean training) {
        super(dnn);
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.training = training;
        long[] paddingR = {
            (outputShape[2] - 1) * stride[0] + kernel[0] - inputShape[2] - padding[0],
            (outputShape[3] - 1) * stride[1] + kernel[1] - inputShape[3] - padding[1]};
        dnnl_memory_desc_t srcMd = desc(dnnl_nchw, inputShape);
        dnnl_memory_desc_t dstMd = desc(dnnl_nchw, outputShape);
        String what = "pool " + Arrays.toString(inputShape);
        try {
            dnnl_pooling_desc_t fd = new dnnl_pooling_desc_t();
            OneDnn.check(dnnl_pooling_forward_desc_init(fd, training ? dnnl_forward_training : dnnl_forward_inference,
                    algorithm, srcMd, dstMd, stride, kernel, padding, paddingR), "describe a pooling");
            dnnl_primitive_desc fpd = primitiveDesc(fd, null, what);
            src = plain(srcMd, inputShape);
            dst = plain(dstMd, outputShape);
            forwardArgs = new Args().add(DNNL_ARG_SRC, src).add(DNNL_ARG_DST, dst)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(fpd));
            OneDnnMemory workspace = null;
            if (training) {
                dnnl_memory_desc_t wsMd = query(fpd, DNNL_ARG_WORKSPACE);
                if (wsMd.ndims() > 0) {
                    workspace = opaque(wsMd);
                    forwardArgs.add(DNNL_ARG_WORKSPACE, workspace);
                }
            }
            forward = primitive(fpd);
            if (!training) {
                diffDst = diffSrc = null;
                backward = null;
                backwardArgs = null;
                return;
            }
            diffDst = plain(dstMd, outputShape);
            diffSrc = plain(srcMd, inputShape);
            dnnl_pooling_desc_t bd = new dnnl_pooling_desc_t();
            OneDnn.check(dnnl_pooling_backward_desc_init(bd, algorithm, srcMd, dstMd, stride, kernel, padding, paddingR),
                    "describe a pooling backward");
            dnnl_primitive_desc bpd = primitiveDesc(bd, fpd, what + " (backward)");
            backwardArgs = new Args().add(DNNL_ARG_DIFF_DST, diffDst).add(DNNL_ARG_DIFF_SRC, diffSrc)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(bpd));
            if (workspace != null) {
                backwardArgs.add(DNNL_ARG_WORKSPACE, workspace);
            }
            backward = primitive(bpd);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether these primitives serve this input shape in this mode. */
    boolean fits(long[] shape, boolean training) {
        return Arrays.equals(inputShape, shape) && this.training == training;
    }

    INDArray source() {
        return src.array();
    }

    INDArray output() {
        return dst.array();
    }

    INDArray outputGradient() {
        return diffDst.array();
    }

    INDArray inputGradient() {
        return diffSrc.array();
    }

    void forward() {
        execute(forward, forwardArgs, "run a pooling");
    }

    /** The input gradient of the last training {@link #forward} for {@link #outputGradient()}. */
    void backward() {
        execute(backward, backwardArgs, "run a pooling backward");
    }
}
