package org.dl4jsuite.common.onednn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.layerbase.CachedLoss;
import org.dl4jsuite.common.layerbase.WeightBiasGradient;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's output layer (softmax, {@link LossMCXENT}) with the training step done once: the logits by oneDNN's
 * inner product ({@link InnerProductPrimitives}), then in one pass over them the softmax, the loss
 * −Σ y·log(clip(p)) and the gradient dZ = p − y, then the inner product's backward (dW, db, dX). DL4J's layer
 * computes the logits twice, once for the score and once inside backprop, each with its own softmax; the
 * loss here is cached for {@code computeScore}. Same loss and gradient as DL4J's (divided by the minibatch in
 * the score only). With a mask, dropout, weight noise, class weights, another loss or activation, double
 * precision, another backend or {@code --impl dl4j}, every call is DL4J's own; so is inference.
 */
public class OneDnnSoftmaxOutputLayer extends OutputLayer {
    private final transient ShapeCache<InnerProductPrimitives> shapes = new ShapeCache<>(2);
    /** The loss of the last fused training step, for the score, and the logits buffer. */
    private final transient CachedLoss cached = new CachedLoss();

    /** The layer for {@code conf}, whose layer configuration is a {@link OneDnnSoftmaxOutput}. */
    public OneDnnSoftmaxOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer's training steps run fused (else they are DL4J's). */
    public boolean fused() {
        org.deeplearning4j.nn.conf.layers.OutputLayer c = layerConf();
        return dataType == DataType.FLOAT && c.getLossFn() != null && c.getLossFn().getClass() == LossMCXENT.class
                && ((LossMCXENT) c.getLossFn()).getWeights() == null && c.getActivationFn() instanceof ActivationSoftmax
                && c.getIDropout() == null && c.getWeightNoise() == null && hasBias() && OneDnn.available();
    }

    private boolean fusedInput() {
        return input != null && input.rank() == 2 && input.dataType() == DataType.FLOAT && maskArray == null
                && labels != null && labels.rank() == 2 && labels.size(0) == input.size(0)
                && labels.size(1) == layerConf().getNOut() && input.size(1) == layerConf().getNIn() && fused();
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!fusedInput()) {
            cached.clear();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        return innerProductStep(workspaceMgr);
    }

    /** The fused training step: logits by oneDNN's inner product, softmax, loss and dZ in one pass, its backward. */
    private Pair<Gradient, INDArray> innerProductStep(LayerWorkspaceMgr workspaceMgr) {
        long batch = input.size(0);
        long inputs = layerConf().getNIn();
        int classes = (int) layerConf().getNOut();
        InnerProductPrimitives p = shapes.get(s -> s.fits(batch, true),
                () -> new InnerProductPrimitives(OneDnn.get(), batch, inputs, classes, false, true));
        p.source().assign(input);
        INDArray z = cached.logits(batch, classes, DataType.FLOAT);
        p.forward(getParam(DefaultParamInitializer.WEIGHT_KEY), getParam(DefaultParamInitializer.BIAS_KEY), z);
        shapes.forwarded(p, true);
        float[] values = z.data().asFloat();
        float[] targets = (OneDnnMemory.dense(labels) ? labels : labels.castTo(DataType.FLOAT).dup('c')).data().asFloat();
        double loss = softmaxLossAndGradient(values, targets, classes, ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps());
        z.data().setData(values);
        cached.record(input, labels, loss);

        WeightBiasGradient gradient = WeightBiasGradient.of(gradientViews);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {batch, inputs}, 'c');
        p.backward(z, gradient.weights(), gradient.bias(), inputGradient);
        return gradient.with(inputGradient);
    }

    /**
     * Row by row over {@code z} [rows, classes]: p = softmax(z), the loss −Σ y·log(clip(p)) (LossMCXENT's clip to
     * [eps, 1 − eps]) summed over the rows and returned, and z overwritten with dZ = p − y (LossMCXENT's gradient
     * for a softmax, unclipped).
     */
    static double softmaxLossAndGradient(float[] z, float[] y, int classes, double clip) {
        double loss = 0;
        for (int row = 0; row < z.length; row += classes) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + classes; j++) {
                max = Math.max(max, z[j]);
            }
            double sum = 0;
            for (int j = row; j < row + classes; j++) {
                sum += Math.exp(z[j] - max);
            }
            for (int j = row; j < row + classes; j++) {
                double pj = Math.exp(z[j] - max) / sum;
                if (y[j] != 0) {
                    double clipped = clip > 0 ? Math.min(Math.max(pj, clip), 1.0 - clip) : pj;
                    loss -= y[j] * Math.log(clipped);
                }
                z[j] = (float) (pj - y[j]);
            }
        }
        return loss;
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        score = cached.score(input, labels, conf().isMiniBatch() ? getInputMiniBatchSize() : 0, fullNetRegTerm,
                () -> super.computeScore(fullNetRegTerm, training, workspaceMgr));
        return score;
    }
}
