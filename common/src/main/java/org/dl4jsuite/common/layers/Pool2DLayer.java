package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Implementation of {@link Pool2D}: plain loops over each window of each channel plane. */
public class Pool2DLayer extends HandDerivedLayerImpl<Pool2D> {

    public Pool2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Receives one window: its output index and the flat input indices it covers. */
    @FunctionalInterface
    private interface Window {
        void accept(int outputIndex, int[] inputIndices);
    }

    private void forEachWindow(ConvGeometry g, int planes, Window window) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernel()[0];
        int kw = g.kernel()[1];
        int[] taps = new int[kh * kw];
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            taps[i * kw + j] = (p * g.height() + g.inputRow(oy, i)) * g.width() + g.inputColumn(ox, j);
                        }
                    }
                    window.accept((p * oh + oy) * ow + ox, taps);
                }
            }
        }
    }

    private ConvGeometry geometry() {
        return layerConf().geometry(input.size(1), input.size(2), input.size(3));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        ConvGeometry g = geometry();
        int planes = (int) (input.size(0) * input.size(1));
        double[] x = input.dup('c').data().asDouble();
        double[] y = new double[planes * g.outHeight() * g.outWidth()];
        boolean max = layerConf().getKind() == Pool2D.Kind.MAX;
        forEachWindow(g, planes, (out, taps) -> {
            // y = max_window x (max-pool) or y = mean_window x (average-pool)
            y[out] = max ? x[taps[argmax(x, taps)]] : mean(x, taps);
        });
        long[] shape = {input.size(0), input.size(1), g.outHeight(), g.outWidth()};
        return activations(Nd4j.create(y, shape, 'c').castTo(input.dataType()), workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        ConvGeometry g = geometry();
        int planes = (int) (input.size(0) * input.size(1));
        double[] x = input.dup('c').data().asDouble();
        double[] dY = epsilon.dup('c').data().asDouble();
        double[] dX = new double[x.length];
        boolean max = layerConf().getKind() == Pool2D.Kind.MAX;
        forEachWindow(g, planes, (out, taps) -> {
            if (max) {
                // dX[argmax] += dY (max-pool backward: routed to the window's maximum)
                dX[taps[argmax(x, taps)]] += dY[out];
            } else {
                // dX[i] += dY / |window| for each i in the window (average-pool backward)
                for (int tap : taps) {
                    dX[tap] += dY[out] / taps.length;
                }
            }
        });
        INDArray inputGradient = Nd4j.create(dX, input.shape(), 'c').castTo(input.dataType());
        return backwardResult(Map.of(), inputGradient, workspaceMgr);
    }

    /** Position within {@code taps} of the largest input (the first on ties). */
    private static int argmax(double[] x, int[] taps) {
        int best = 0;
        for (int t = 1; t < taps.length; t++) {
            if (x[taps[t]] > x[taps[best]]) {
                best = t;
            }
        }
        return best;
    }

    private static double mean(double[] x, int[] taps) {
        double sum = 0;
        for (int tap : taps) {
            sum += x[tap];
        }
        return sum / taps.length;
    }
}
