package org.dl4jsuite.adversarial;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.ImageModelFacts;

/** The image size a saved classifier takes, read from its own configuration rather than assumed. */
public record ImageInputShape(int channels, int height, int width) {

    /** The size a model zip's facts record. */
    public static ImageInputShape of(ImageModelFacts facts) {
        return new ImageInputShape(facts.channels(), facts.height(), facts.width());
    }

    /**
     * A MultiLayerNetwork built with {@code setInputType(convolutionalFlat(h, w, c))} (as lenet-mnist's are)
     * keeps that size in the preprocessor of its first layer.
     */
    public static ImageInputShape of(MultiLayerNetwork net, String source) {
        InputPreProcessor first = net.getLayerWiseConfigurations().getInputPreProcess(0);
        if (first instanceof FeedForwardToCnnPreProcessor p) {
            return new ImageInputShape((int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth());
        }
        throw new SuiteException(source + " does not say what image size it takes (its first layer has no "
                + "flat-image preprocessor); attack a model.zip written by lenet-mnist");
    }

    /** A graph whose layer reading the network input has a flat-image preprocessor (setInputTypes(convolutionalFlat)). */
    public static ImageInputShape of(ComputationGraph net, String source) {
        var conf = net.getConfiguration();
        String input = conf.getNetworkInputs().get(0);
        for (var entry : conf.getVertices().entrySet()) {
            if (entry.getValue() instanceof org.deeplearning4j.nn.conf.graph.LayerVertex layer
                    && conf.getVertexInputs().getOrDefault(entry.getKey(), java.util.List.of()).contains(input)
                    && layer.getPreProcessor() instanceof FeedForwardToCnnPreProcessor p) {
                return new ImageInputShape((int) p.getNumChannels(), (int) p.getInputHeight(), (int) p.getInputWidth());
            }
        }
        throw new SuiteException(source + " does not say what image size it takes (no flat-image preprocessor on the "
                + "layer reading its input); attack a model.zip written by lenet-mnist");
    }
}
