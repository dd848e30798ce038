package org.dl4jsuite.common.classifier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's dense layer whose backward pass computes the input gradient only: W·δ, without the weight and bias
 * gradients (DL4J's writes both into the network's flat gradient, as large as the parameters), so that a
 * {@link FrozenGraph} needs no gradient array for it.
 */
public class FrozenDenseLayer extends DenseLayer {

    /** The layer for {@code conf}, whose layer configuration is a {@link FrozenDense}. */
    public FrozenDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray z = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        if (maskArray != null) {
            applyMask(delta);
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {w.size(0), delta.size(0)}, 'f');
        inputGradient = w.mmuli(delta.transpose(), inputGradient).transpose();
        return new Pair<>(new DefaultGradient(), backpropDropOutIfPresent(inputGradient));
    }
}
