package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Implementation of {@link Affine}. */
public class AffineLayer extends HandDerivedLayerImpl<Affine> {

    public AffineLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        // Y = X·W + b (affine forward)
        INDArray y = flatInput().mmul(getParam(Affine.WEIGHT)).addiRowVector(getParam(Affine.BIAS));
        return activations(y, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = flatInput();
        INDArray w = getParam(Affine.WEIGHT);
        // dW = X^T · dY (affine backward)
        INDArray dW = x.transpose().mmul(epsilon);
        // db = Σ_rows dY (affine backward)
        INDArray db = epsilon.sum(true, 0);
        // dX = dY · W^T (affine backward), unflattened to the input's shape
        INDArray dX = epsilon.mmul(w.transpose()).reshape('c', input.shape());
        return backwardResult(Map.of(Affine.WEIGHT, dW, Affine.BIAS, db), dX, workspaceMgr);
    }

    /** The input as [N, features]; a [N, C, H, W] input is flattened row-major. */
    private INDArray flatInput() {
        return input.rank() == 2 ? input : input.dup('c').reshape('c', input.size(0), -1);
    }
}
