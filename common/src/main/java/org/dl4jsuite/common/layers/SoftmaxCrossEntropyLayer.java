package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link SoftmaxCrossEntropy}. Like DL4J's own output layers it returns the gradient of the loss
 * summed over the mini-batch (the updater divides by N) while its score is the mean.
 */
public class SoftmaxCrossEntropyLayer extends BaseOutputLayer<SoftmaxCrossEntropy> {
    private static final String W = DefaultParamInitializer.WEIGHT_KEY;
    private static final String B = DefaultParamInitializer.BIAS_KEY;

    public SoftmaxCrossEntropyLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Row-wise log-softmax, {@code z − max(z) − log Σ exp(z − max(z))}, which never overflows. */
    public static INDArray logSoftmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSum);
    }

    private INDArray logits() {
        // z = X·W + b (affine part of the output layer)
        return input.mmul(getParam(W)).addiRowVector(getParam(B));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        // p = exp(log_softmax(z)) (softmax forward)
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, Transforms.exp(logSoftmax(logits()), false));
    }

    @Override
    public double computeScore(double fullNetworkRegScore, boolean training, LayerWorkspaceMgr workspaceMgr) {
        score = perExampleLoss().meanNumber().doubleValue() + fullNetworkRegScore;
        return score;
    }

    @Override
    public INDArray computeScoreForExamples(double fullNetworkRegScore, LayerWorkspaceMgr workspaceMgr) {
        INDArray perExample = perExampleLoss().reshape(input.size(0), 1).addi(fullNetworkRegScore);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, perExample);
    }

    /** {@code ℓ_n = −Σ_k y_nk log p_nk}, one value per example. */
    private INDArray perExampleLoss() {
        if (input == null || labels == null) {
            throw new IllegalStateException("Cannot compute the loss without input and labels " + layerId());
        }
        // ℓ_n = −Σ_k y_nk · log p_nk (cross-entropy)
        return logSoftmax(logits()).muli(labels).sum(1).negi();
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr workspaceMgr) {
        gradient = backpropGradient(null, workspaceMgr).getFirst();
        computeScore(0.0, true, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray p = Transforms.exp(logSoftmax(logits()), false);
        // dZ = p − y (softmax + cross-entropy backward, summed over examples)
        INDArray dZ = p.subi(labels);
        // dW = X^T · dZ (affine backward)
        INDArray dW = input.transpose().mmul(dZ);
        // db = Σ_rows dZ (affine backward)
        INDArray db = dZ.sum(true, 0);
        // dX = dZ · W^T (affine backward)
        INDArray dX = dZ.mmul(getParam(W).transpose());
        Gradient g = GradientViews.fill(conf.variables(), gradientViews, Map.of(W, dW, B, db));
        return new Pair<>(g, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dX));
    }

    @Override
    protected INDArray getLabels2d(LayerWorkspaceMgr workspaceMgr, ArrayType arrayType) {
        return labels;
    }
}
