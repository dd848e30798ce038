package org.dl4jsuite.common.sequence;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.layerbase.CachedLoss;
import org.dl4jsuite.common.layerbase.WeightBiasGradient;
import org.dl4jsuite.common.runtime.LayerImplementation;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * DL4J's {@code RnnOutputLayer} (softmax, {@link LossSparseMCXENT}) with the training step done once:
 * the logits of all N·T positions as one gemm over time-major rows (t·N + n), an in-place softmax, the loss
 * read at the label indices and the gradient {@code dZ = softmax(Z) − onehot(y)} written into the same
 * buffer: no one-hot labels, no second forward pass for the score (DL4J computes the logits again in
 * {@code computeScore}) and none inside backprop. Then {@code dW = Xᵀ·dZ}, {@code db = Σ_rows dZ},
 * {@code dX = dZ·Wᵀ} (affine backward). The loss and gradient are DL4J's: −log max(p_y, clip) summed over
 * positions, divided by the minibatch in the score, and the gradient undivided as DL4J's updater expects.
 *
 * <p>The input arrives as [N, H, T] (NCW); when its memory is time-major ([T, N, H] 'c', as the oneDNN LSTM
 * returns it) the rows are a view, else one copy. The input gradient goes back the same way, a [N, H, T]
 * view of a time-major array. With a mask, dropout, weight noise, class weights, another loss or activation,
 * NWC, or {@code --impl dl4j}, every call is DL4J's own.
 */
public class SparseSoftmaxOutputLayer extends RnnOutputLayer {
    /** The loss of the last fused training step, for the score, and the logits buffer. */
    private final transient CachedLoss cached = new CachedLoss();

    /** The layer for {@code conf}, whose layer configuration is a {@link SparseSoftmaxOutput}. */
    public SparseSoftmaxOutputLayer(NeuralNetConfiguration conf, org.nd4j.linalg.api.buffer.DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer's training steps run fused (else they are DL4J's). */
    public boolean fused() {
        return LayerImplementation.current() == LayerImplementation.FAST
                && layerConf().getLossFn() instanceof LossSparseMCXENT
                && ((LossSparseMCXENT) layerConf().getLossFn()).getWeights() == null
                && layerConf().getActivationFn() instanceof ActivationSoftmax
                && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null
                && layerConf().getRnnDataFormat() == RNNFormat.NCW && hasBias();
    }

    private boolean fusedInput() {
        return fused() && maskArray == null && input != null && input.rank() == 3 && labels != null
                && labels.rank() == 3 && labels.size(1) == 1 && labels.size(2) == input.size(2);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!fusedInput()) {
            cached.clear();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        return timeMajorStep(workspaceMgr);
    }

    /** The fused training step over the time-major rows: logits, softmax, loss at the labels and dZ, then dW, db, dX. */
    private Pair<Gradient, INDArray> timeMajorStep(LayerWorkspaceMgr workspaceMgr) {
        long batch = input.size(0);
        long steps = input.size(2);
        long rows = batch * steps;
        INDArray x = timeMajorRows(input, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray z = cached.logits(rows, w.size(1), x.dataType());
        softmaxInto(x, w, z);
        int[] classes = timeMajorClasses(labels);
        // loss = −Σ log max(p_y, clip) (LossMCXENT's clipping); dZ = p − onehot(y), in place.
        double clip = ((LossSparseMCXENT) layerConf().getLossFn()).getSoftmaxClipEps();
        DataBuffer p = z.data();
        long width = z.size(1);
        double sum = 0;
        for (int r = 0; r < classes.length; r++) {
            long at = r * width + classes[r];
            double py = p.getDouble(at);
            sum -= Math.log(Math.min(Math.max(py, clip), 1.0 - clip));
            p.put(at, py - 1.0);
        }
        cached.record(input, labels, sum);

        WeightBiasGradient gradient = WeightBiasGradient.of(gradientViews);
        Nd4j.gemm(x, z, gradient.weights(), true, false, 1.0, 0.0);           // dW = Xᵀ·dZ
        z.sum(gradient.bias(), 0);                                             // db = Σ_rows dZ
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, x.dataType(),
                new long[] {steps, batch, x.size(1)}, 'c');
        Nd4j.gemm(z, w, inputGradient.reshape('c', rows, x.size(1)), false, true, 1.0, 0.0); // dX = dZ·Wᵀ
        return gradient.with(inputGradient.permute(1, 2, 0));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        score = cached.score(input, labels, conf().isMiniBatch() ? getInputMiniBatchSize() : 0, fullNetRegTerm,
                () -> super.computeScore(fullNetRegTerm, training, workspaceMgr));
        return score;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!fused() || maskArray != null || input == null || input.rank() != 3) {
            return super.activate(training, workspaceMgr);
        }
        long batch = input.size(0);
        long steps = input.size(2);
        INDArray x = timeMajorRows(input, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(),
                new long[] {steps, batch, w.size(1)}, 'c');
        softmaxInto(x, w, out.reshape('c', batch * steps, w.size(1)));
        return out.permute(1, 2, 0);
    }

    /** Z = softmax(X·W + b) row by row, into {@code z}. */
    private void softmaxInto(INDArray x, INDArray w, INDArray z) {
        Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
        z.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        Nd4j.exec(new SoftMax(z, z, 1));
    }

    /** [N, H, T] as [T·N, H] rows (t·N + n): a view when the memory is time-major, else a copy. */
    static INDArray timeMajorRows(INDArray ncw, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        INDArray tnc = ncw.permute(2, 0, 1);
        long[] cStrides = {tnc.size(1) * tnc.size(2), tnc.size(2), 1};
        if (!Arrays.equals(tnc.stride(), cStrides)) {
            tnc = workspaceMgr.dup(type, tnc, 'c');
        }
        return tnc.reshape('c', tnc.size(0) * tnc.size(1), tnc.size(2));
    }

    /** Labels [N, 1, T] (class indices) in time-major row order. */
    private static int[] timeMajorClasses(INDArray labels) {
        return labels.permute(2, 0, 1).dup('c').reshape(labels.length()).toIntVector();
    }
}
