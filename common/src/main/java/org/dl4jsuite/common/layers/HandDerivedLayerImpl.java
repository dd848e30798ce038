package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shared plumbing of a hand-derived layer's implementation: workspace placement of outputs and the copy of
 * hand-computed gradients into DL4J's gradient views. Backward passes recompute what they need from the input,
 * so nothing from the forward pass has to outlive its workspace.
 */
public abstract class HandDerivedLayerImpl<C extends HandDerivedLayer> extends BaseLayer<C> {

    protected HandDerivedLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Places a forward result where the network expects activations. */
    protected static INDArray activations(INDArray output, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    /** Copies {@code gradients} (keyed like the parameters) into the gradient views and pairs them with dL/dInput. */
    protected Pair<Gradient, INDArray> backwardResult(Map<String, INDArray> gradients, INDArray inputGradient,
            LayerWorkspaceMgr workspaceMgr) {
        Gradient gradient = GradientViews.fill(conf.variables(), gradientViews, gradients);
        INDArray epsilon = inputGradient == null ? null : workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, inputGradient);
        return new Pair<>(gradient, epsilon);
    }

    @Override
    public void fit(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        // DL4J calls this only for layer-wise pretraining, which these supervised layers do not have.
        throw new IllegalStateException("a hand-derived layer has no layer-wise pretraining: fit the network that holds it");
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }
}
