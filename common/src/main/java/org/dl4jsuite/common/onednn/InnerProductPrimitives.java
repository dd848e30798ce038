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
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_inner_product_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oi;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * oneDNN's inner product (a dense layer, y = x·Wᵀ + b) for one batch size, with the ReLU fused as a post-op
 * when asked: the forward pass (training or inference), and for training the ReLU backward from the saved
 * output, the weight and bias gradients and the input gradient. Activations are plain [N, features] arrays;
 * DL4J's weights ([nIn, nOut] in 'f' order, the same memory as oneDNN's [OC, IC] "oi") go into the layout
 * the primitives chose by reorders created once.
 */
final class InnerProductPrimitives extends PrimitiveSet {
    final long batch;
    final long inputs;
    final long outputs;
    final boolean training;

    private final OneDnnMemory src;
    private final OneDnnMemory userWeights;
    private final OneDnnMemory bias;
    private final Reorder toForwardWeights;
    private final LayerOutput output;
    private final dnnl_primitive forward;
    private final Args forwardArgs;

    private final OneDnnMemory diffBias;
    private final Reorder diffWeightsToUser;
    private final Reorder toBackwardDataWeights;
    private final OneDnnMemory userInputGradient;
    private final dnnl_primitive backwardWeights;
    private final Args backwardWeightsArgs;
    private final dnnl_primitive backwardData;
    private final Args backwardDataArgs;

    /** Primitives for input [batch, inputs] and weights [inputs, outputs]; with {@code relu} the output is max(0, ·). */
    InnerProductPrimitives(OneDnn dnn, long batch, long inputs, long outputs, boolean relu, boolean training) {
        super(dnn);
        this.batch = batch;
        this.inputs = inputs;
        this.outputs = outputs;
        this.training = training;
        dnnl_memory_desc_t srcMd = desc(dnnl_nc, batch, inputs);
        dnnl_memory_desc_t dstMd = desc(dnnl_nc, batch, outputs);
        dnnl_memory_desc_t weightsUser = desc(dnnl_oi, outputs, inputs);
        dnnl_memory_desc_t weightsAny = desc(dnnl_format_tag_any, outputs, inputs);
        dnnl_memory_desc_t biasMd = desc(dnnl_x, outputs);
        String what = "multiply [" + batch + ", " + inputs + "] by [" + inputs + ", " + outputs + "]";
        try {
            dnnl_inner_product_desc_t fd = new dnnl_inner_product_desc_t();
            OneDnn.check(dnnl_inner_product_forward_desc_init(fd, training ? dnnl_forward_training : dnnl_forward_inference,
                    srcMd, weightsAny, biasMd, dstMd), "describe an inner product");
            dnnl_primitive_desc fpd = relu ? primitiveDescWithRelu(fd, what) : primitiveDesc(fd, null, what);
            src = plain(srcMd, batch, inputs);
            userWeights = plain(weightsUser, outputs, inputs);
            bias = plain(biasMd, outputs);
            toForwardWeights = reorder(weightsUser, userWeights, query(fpd, DNNL_ARG_WEIGHTS));
            output = new LayerOutput(this, dstMd, dstMd, new long[] {batch, outputs}, relu, training);
            forwardArgs = new Args().add(DNNL_ARG_SRC, src).add(DNNL_ARG_WEIGHTS, toForwardWeights.target)
                    .add(DNNL_ARG_BIAS, bias).add(DNNL_ARG_DST, output.dst)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(fpd));
            forward = primitive(fpd);
            if (!training) {
                userInputGradient = diffBias = null;
                diffWeightsToUser = toBackwardDataWeights = null;
                backwardWeights = backwardData = null;
                backwardWeightsArgs = backwardDataArgs = null;
                return;
            }
            OneDnnMemory diffDst = output.gradient();

            dnnl_inner_product_desc_t bwd = new dnnl_inner_product_desc_t();
            OneDnn.check(dnnl_inner_product_backward_weights_desc_init(bwd, srcMd, weightsAny, biasMd, dstMd),
                    "describe an inner product's weight gradient");
            dnnl_primitive_desc bwpd = primitiveDesc(bwd, fpd, what + " (weight gradient)");
            diffBias = plain(biasMd, outputs);
            diffWeightsToUser = reorderInto(query(bwpd, DNNL_ARG_DIFF_WEIGHTS), weightsUser, plain(weightsUser, outputs, inputs));
            backwardWeightsArgs = new Args().add(DNNL_ARG_SRC, src).add(DNNL_ARG_DIFF_DST, diffDst)
                    .add(DNNL_ARG_DIFF_WEIGHTS, diffWeightsToUser.source).add(DNNL_ARG_DIFF_BIAS, diffBias)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(bwpd));
            backwardWeights = primitive(bwpd);

            dnnl_inner_product_desc_t bdd = new dnnl_inner_product_desc_t();
            OneDnn.check(dnnl_inner_product_backward_data_desc_init(bdd, srcMd, weightsAny, dstMd),
                    "describe an inner product's input gradient");
            dnnl_primitive_desc bdpd = primitiveDesc(bdd, fpd, what + " (input gradient)");
            toBackwardDataWeights = reorder(weightsUser, userWeights, query(bdpd, DNNL_ARG_WEIGHTS));
            userInputGradient = external(srcMd);
            backwardDataArgs = new Args().add(DNNL_ARG_DIFF_DST, diffDst).add(DNNL_ARG_WEIGHTS, toBackwardDataWeights.target)
                    .add(DNNL_ARG_DIFF_SRC, userInputGradient)
                    .add(DNNL_ARG_SCRATCHPAD, scratchpad(bdpd));
            backwardData = primitive(bdpd);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether these primitives serve this batch size in this mode. */
    boolean fits(long batchSize, boolean training) {
        return batch == batchSize && this.training == training;
    }

    /** The input [batch, inputs] that {@link #forward} reads. */
    INDArray source() {
        return src.array();
    }

    /** The forward pass with DL4J's weights [inputs, outputs] and bias [1, outputs] into {@code outputArray} [batch, outputs]. */
    void forward(INDArray weights, INDArray biasRow, INDArray outputArray) {
        userWeights.array().assign(weights.transpose());
        bias.array().assign(biasRow.reshape(outputs));
        toForwardWeights.run();
        execute(forward, forwardArgs, "run an inner product");
        output.writeTo(outputArray);
    }

    /**
     * The backward pass of the last {@link #forward} for {@code outputGradient} [batch, outputs]: the weight and bias
     * gradients into DL4J's views, and the input gradient into {@code inputGradient} [batch, inputs] (a dense
     * 'c'-order array).
     */
    void backward(INDArray outputGradient, INDArray weightGradient, INDArray biasGradient, INDArray inputGradient) {
        output.readGradient(outputGradient);
        execute(backwardWeights, backwardWeightsArgs, "compute an inner product's weight gradient");
        diffWeightsToUser.run();
        weightGradient.assign(diffWeightsToUser.target.array().transpose());
        biasGradient.assign(diffBias.array().reshape(biasGradient.shape()));
        toBackwardDataWeights.run();
        userInputGradient.bindTarget(inputGradient);
        execute(backwardData, backwardDataArgs, "compute an inner product's input gradient");
    }
}
