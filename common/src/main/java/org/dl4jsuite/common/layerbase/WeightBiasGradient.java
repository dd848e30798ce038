package org.dl4jsuite.common.layerbase;

import java.util.Map;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of a layer with a weight {@code W} and a bias {@code b} (dense, convolution, output layers) as a
 * fast layer's own backward pass produces it: written into DL4J's views of the two in the network's flat gradient,
 * and returned with the input gradient as DL4J's layers return theirs. {@code weightOrder} is the order DL4J
 * flattens the weights in (a convolution's 'c'; null: DL4J's default).
 */
public record WeightBiasGradient(INDArray weights, INDArray bias, Character weightOrder) {

    /** The views of {@code W} and {@code b} among a layer's {@code gradientViews}. */
    public static WeightBiasGradient of(Map<String, INDArray> gradientViews) {
        return of(gradientViews, null);
    }

    /** As {@link #of(Map)}, the weights flattened in {@code weightOrder}. */
    public static WeightBiasGradient of(Map<String, INDArray> gradientViews, Character weightOrder) {
        return new WeightBiasGradient(gradientViews.get(DefaultParamInitializer.WEIGHT_KEY),
                gradientViews.get(DefaultParamInitializer.BIAS_KEY), weightOrder);
    }

    /** What {@code backpropGradient} returns: these gradients and {@code inputGradient}. */
    public Pair<Gradient, INDArray> with(INDArray inputGradient) {
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(DefaultParamInitializer.WEIGHT_KEY, weights, weightOrder);
        gradient.setGradientFor(DefaultParamInitializer.BIAS_KEY, bias);
        return new Pair<>(gradient, inputGradient);
    }
}
