package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Implementation of {@link Relu}. */
public class ReluLayer extends HandDerivedLayerImpl<Relu> {

    public ReluLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        // y = max(0, x) (ReLU forward)
        return activations(Transforms.max(input, 0.0, true), workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        // dX = dY ⊙ [x > 0] (ReLU backward; the subgradient at 0 is taken as 0)
        INDArray dX = epsilon.mul(input.gt(0.0).castTo(epsilon.dataType()));
        return backwardResult(Map.of(), dX, workspaceMgr);
    }
}
