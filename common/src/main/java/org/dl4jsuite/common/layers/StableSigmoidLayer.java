package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Implementation of {@link StableSigmoid}. */
public class StableSigmoidLayer extends HandDerivedLayerImpl<StableSigmoid> {

    public StableSigmoidLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * σ(x) with only non-positive exponents: for x ≥ 0, 1/(1+e^{-x}); for x < 0, e^{x}/(1+e^{x}). Both branches
     * are e^{min(x,0)}/(1+e^{-|x|}), so it is computed that way, element-wise, without a branch.
     */
    public static INDArray sigmoid(INDArray x) {
        INDArray numerator = Transforms.exp(Transforms.min(x, 0.0, true), false);
        INDArray denominator = Transforms.exp(Transforms.abs(x, true).negi(), false).addi(1.0);
        return numerator.divi(denominator);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        // y = e^{min(x,0)} / (1 + e^{-|x|}) = σ(x) (stable sigmoid forward)
        return activations(sigmoid(input), workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray y = sigmoid(input);
        // dX = dY ⊙ σ(x)(1 − σ(x)) (sigmoid backward)
        INDArray dX = epsilon.mul(y).muli(y.rsub(1.0));
        return backwardResult(Map.of(), dX, workspaceMgr);
    }
}
