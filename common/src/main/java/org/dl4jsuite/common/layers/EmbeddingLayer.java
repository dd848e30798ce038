package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Implementation of {@link Embedding}. Indices are not differentiable, so it returns no input gradient. */
public class EmbeddingLayer extends HandDerivedLayerImpl<Embedding> {

    public EmbeddingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The input as [N, T] indices, each checked against the vocabulary. */
    private int[][] indices() {
        INDArray x = input.rank() == 3 ? input.reshape(input.size(0), input.size(2)) : input;
        int[][] idx = x.toIntMatrix();
        long vocabulary = layerConf().getNIn();
        for (int[] row : idx) {
            for (int v : row) {
                if (v < 0 || v >= vocabulary) {
                    throw new SuiteException("Index " + v + " is outside the embedding's vocabulary of " + vocabulary);
                }
            }
        }
        return idx;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        int[][] idx = indices();
        INDArray w = getParam(Embedding.WEIGHT);
        INDArray out = Nd4j.create(w.dataType(), idx.length, w.size(1), idx[0].length);
        for (int t = 0; t < idx[0].length; t++) {
            int[] column = new int[idx.length];
            for (int n = 0; n < idx.length; n++) {
                column[n] = idx[n][t];
            }
            // y[:, :, t] = W[x[:, t], :] (embedding lookup)
            SequenceSteps.put(out, t, w.getRows(column));
        }
        return activations(out, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int[][] idx = indices();
        INDArray dW = Nd4j.zeros(epsilon.dataType(), getParam(Embedding.WEIGHT).shape());
        for (int t = 0; t < idx[0].length; t++) {
            INDArray dY = SequenceSteps.step(epsilon, t);
            for (int n = 0; n < idx.length; n++) {
                // dW[x[n,t], :] += dY[n, :, t] (embedding backward: scatter-add, repeated indices accumulate)
                dW.getRow(idx[n][t]).addi(dY.getRow(n));
            }
        }
        return backwardResult(Map.of(Embedding.WEIGHT, dW), null, workspaceMgr);
    }
}
