package org.dl4jsuite.common.shapes;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
            if (layer instanceof ConvolutionLayer conv) {
                if (input == null) {
                    throw new SuiteException("layer " + i + " is a convolution: give the input image size (e.g. --image 28x28x1)");
                }
                if (outputs == null) {
                    outputs = conf.getLayerActivationTypes(input);
                }
                InputType.InputTypeConvolutional out = (InputType.InputTypeConvolutional) outputs.get(i);
                long[] kernel = {conv.getKernelSize()[0], conv.getKernelSize()[1]};
                total += out.getHeight() * out.getWidth() * out.getChannels() * kernel[0] * kernel[1] * conv.getNIn();
            } else if (layer instanceof AbstractLSTM lstm) {
                total += 4 * lstm.getNOut() * (lstm.getNIn() + lstm.getNOut());
            } else if (layer instanceof EmbeddingSequenceLayer || layer instanceof EmbeddingLayer) {
                continue;
            } else if (layer instanceof FeedForwardLayer dense) {
                total += dense.getNIn() * dense.getNOut();
            }
        }
        return total;
    }

    /** Estimated FLOPs of training on one example (one time step for recurrent networks): 6 × the forward multiply-adds. */
    public static long perExample(MultiLayerConfiguration conf, InputType input) {
        return 6 * forwardMultiplyAdds(conf, input);
    }
}
