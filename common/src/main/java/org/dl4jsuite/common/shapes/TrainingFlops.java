package org.dl4jsuite.common.shapes;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.AbstractLSTM;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.dl4jsuite.common.SuiteException;

/**
 * The arithmetic of a training step, counted from a network's configuration: the multiply-adds of
 * the forward pass per example (per time step for recurrent networks) in the layers that multiply
 * matrices (convolution, dense, LSTM, output), and the usual estimate of a training step's FLOPs as
 * 6 × that (2 per multiply-add forward, 4 backward for the input and weight gradients). Pooling,
 * activations, the loss and embedding lookups are left out: they move memory, not arithmetic.
 */
public final class TrainingFlops {
    private TrainingFlops() {
    }

    /** Forward multiply-adds for one example of {@code input}; {@code input} may be null when no layer is a convolution. */
    public static long forwardMultiplyAdds(MultiLayerConfiguration conf, InputType input) {
        List<InputType> outputs = null;
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            Layer layer = conf.getConf(i).getLayer();
            if (layer instanceof ConvolutionLayer && outputs == null) {
                if (input == null) {
                    throw new SuiteException("layer " + i + " is a convolution: give the input image size (e.g. --image 28x28x1)");
                }
                outputs = conf.getLayerActivationTypes(input);
            }
            total += multiplyAdds(layer, outputs == null ? null : outputs.get(i));
        }
        return total;
    }

    /** Forward multiply-adds for one example of a single-input graph whose input types are set in its configuration. */
    public static long forwardMultiplyAdds(ComputationGraphConfiguration conf, InputType input) {
        Map<String, InputType> outputs = conf.getLayerActivationTypes(input);
        long total = 0;
        for (Map.Entry<String, GraphVertex> vertex : conf.getVertices().entrySet()) {
            if (vertex.getValue() instanceof LayerVertex layerVertex) {
                total += multiplyAdds(layerVertex.getLayerConf().getLayer(), outputs.get(vertex.getKey()));
            }
        }
        return total;
    }

    /** One layer's forward multiply-adds per example; {@code output} (its activation type) is needed for convolutions. */
    private static long multiplyAdds(Layer layer, InputType output) {
        if (layer instanceof ConvolutionLayer conv) {
            InputType.InputTypeConvolutional out = (InputType.InputTypeConvolutional) output;
            return out.getHeight() * out.getWidth() * out.getChannels() * conv.getKernelSize()[0] * conv.getKernelSize()[1]
                    * conv.getNIn();
        } else if (layer instanceof AbstractLSTM lstm) {
            return 4 * lstm.getNOut() * (lstm.getNIn() + lstm.getNOut());
        } else if (layer instanceof EmbeddingSequenceLayer || layer instanceof EmbeddingLayer) {
            return 0;
        } else if (layer instanceof FeedForwardLayer dense) {
            return dense.getNIn() * dense.getNOut();
        }
        return 0;
    }

    /** Estimated FLOPs of training on one example (one time step for recurrent networks): 6 × the forward multiply-adds. */
    public static long perExample(MultiLayerConfiguration conf, InputType input) {
        return 6 * forwardMultiplyAdds(conf, input);
    }

    /** Estimated FLOPs of training a graph on one example: 6 × the forward multiply-adds. */
    public static long perExample(ComputationGraphConfiguration conf, InputType input) {
        return 6 * forwardMultiplyAdds(conf, input);
    }
}
