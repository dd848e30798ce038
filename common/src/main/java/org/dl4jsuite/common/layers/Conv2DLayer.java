package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Implementation of {@link Conv2D}. */
public class Conv2DLayer extends HandDerivedLayerImpl<Conv2D> {

    public Conv2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private ConvGeometry geometry() {
        return layerConf().geometry(input.size(1), input.size(2), input.size(3));
    }

    /** The filters as a matrix [nOut, nIn·kh·kw], rows matching the column matrix's row order. */
    private INDArray filterMatrix() {
        INDArray w = getParam(Conv2D.WEIGHT);
        return w.dup('c').reshape('c', w.size(0), -1);
    }

    private INDArray columns(ConvGeometry g) {
        int n = (int) input.size(0);
        double[] cols = Im2Col.im2col(input.dup('c').data().asDouble(), n, g);
        return Nd4j.create(cols, new long[] {g.patchSize(), (long) n * g.outHeight() * g.outWidth()}, 'c')
                .castTo(input.dataType());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        ConvGeometry g = geometry();
        // Y = W · cols(X) + b (convolution as one matrix product over all positions)
        INDArray y = filterMatrix().mmul(columns(g)).addiColumnVector(getParam(Conv2D.BIAS).reshape(-1, 1));
        INDArray nchw = y.reshape('c', y.size(0), input.size(0), g.outHeight(), g.outWidth()).permute(1, 0, 2, 3);
        return activations(nchw.dup('c'), workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        ConvGeometry g = geometry();
        int n = (int) input.size(0);
        INDArray delta = epsilon.permute(1, 0, 2, 3).dup('c').reshape('c', epsilon.size(1), -1);
        INDArray w = getParam(Conv2D.WEIGHT);
        // dW = δ · cols^T (convolution backward, reshaped to [nOut, nIn, kh, kw])
        INDArray dW = delta.mmul(columns(g).transpose()).reshape('c', w.shape());
        // db = Σ_positions δ (convolution backward)
        INDArray db = delta.sum(true, 1).reshape(1, -1);
        // dCols = W^T · δ (convolution backward, before folding)
        INDArray dCols = filterMatrix().transpose().mmul(delta);
        // dX = col2im(W^T · δ) (convolution backward)
        double[] dX = Im2Col.col2im(dCols.dup('c').data().asDouble(), n, g);
        INDArray inputGradient = Nd4j.create(dX, input.shape(), 'c').castTo(input.dataType());
        return backwardResult(Map.of(Conv2D.WEIGHT, dW, Conv2D.BIAS, db), inputGradient, workspaceMgr);
    }
}
