package org.dl4jsuite.common.classifier;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.onednn.OneDnnConvolution;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A ComputationGraph whose parameters never change (a network under attack): its backward pass is for the input
 * gradient, so DL4J's dense layers become {@link FrozenDenseLayer}s, its convolutions become oneDNN ones, frozen, and the
 * flat parameter gradient DL4J allocates as large as the parameters (245 MB for AlexNet) holds only the layers that
 * still write one (DL4J's own convolutions, for example).
 */
public final class FrozenGraph extends ComputationGraph {

    private FrozenGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /**
     * The frozen graph of {@code net}'s configuration on {@code parameters} (used as they are, not copied): give it
     * {@code net.params()} to share them, or a copy to leave {@code net} independent.
     */
    public static FrozenGraph of(ComputationGraph net, INDArray parameters) {
        ComputationGraphConfiguration configuration = net.getConfiguration().clone();
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                org.deeplearning4j.nn.conf.layers.Layer layer = layerVertex.getLayerConf().getLayer();
                if (FrozenDense.replaces(layer)) {
                    layerVertex.getLayerConf().setLayer(FrozenDense.of((org.deeplearning4j.nn.conf.layers.DenseLayer) layer));
                } else if (layer.getClass() == ConvolutionLayer.class) {
                    // DL4J's own convolution (AlexNet's fixed 1x1 normalisation) would compute a weight gradient on
                    // every pass, and libnd4j's oneDNN reorders its 3-channel images into 16-channel blocks (two
                    // reorders of 120 ms for 12 AlexNet images): the same layer on oneDNN, frozen, does neither.
                    layerVertex.getLayerConf().setLayer(OneDnnConvolution.of((ConvolutionLayer) layer));
                }
            }
        }
        FrozenGraph graph = new FrozenGraph(configuration);
        graph.init(parameters, false);
        for (Layer layer : graph.getLayers()) {
            if (layer instanceof OneDnnConvolutionLayer convolution) {
                convolution.freezeParameters();
            }
        }
        return graph;
    }

    /** Whether {@code layer}'s backward pass writes parameter gradients, so needs its views of the flat gradient. */
    static boolean writesParameterGradients(Layer layer) {
        if (layer instanceof FrozenDenseLayer) {
            return false;
        }
        if (layer instanceof OneDnnConvolutionLayer convolution) {
            return !convolution.frozenOnOneDnn();
        }
        return layer.numParams() > 0;
    }

    /** The flat gradient of only the layers that write one, and their views of it. */
    @Override
    public void initGradientsView() {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            if (!initCalled) {
                init();
            }
            List<Layer> writing = new ArrayList<>();
            long length = 0;
            for (Layer layer : getLayers()) {
                if (writesParameterGradients(layer)) {
                    writing.add(layer);
                    length += layer.numParams();
                }
            }
            flattenedGradients = Nd4j.create(params().dataType(), 1, Math.max(length, 1));
            INDArray flat = flattenedGradients.reshape(flattenedGradients.length());
            long offset = 0;
            for (Layer layer : writing) {
                long n = layer.numParams();
                layer.setBackpropGradientsViewArray(flat.get(NDArrayIndex.interval(offset, offset + n)));
                offset += n;
            }
        }
    }
}
