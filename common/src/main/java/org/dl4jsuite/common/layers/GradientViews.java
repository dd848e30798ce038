package org.dl4jsuite.common.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes hand-computed parameter gradients into DL4J's gradient views (slices of the network's flat gradient). */
final class GradientViews {
    private GradientViews() {
    }

    /** Assigns {@code values.get(key)} to {@code views.get(key)} for each key, in order, and returns them as a Gradient. */
    static Gradient fill(List<String> keys, Map<String, INDArray> views, Map<String, INDArray> values) {
        Gradient gradient = new DefaultGradient();
        for (String key : keys) {
            INDArray view = views.get(key);
            view.assign(values.get(key).reshape(view.shape()));
            gradient.gradientForVariable().put(key, view);
        }
        return gradient;
    }
}
