package org.dl4jsuite.adversarial.tflite;

import java.util.List;

/** A TFLite model's main subgraph as read from the file: its tensors, operators and input/output tensors. */
public record TfliteModel(String source, int version, String description, List<TfliteTensor> tensors,
                          List<TfliteOperator> operators, int[] inputs, int[] outputs) {

    /** The tensor with index {@code i}. */
    public TfliteTensor tensor(int i) {
        if (i < 0 || i >= tensors.size()) {
            throw new IllegalArgumentException("no tensor " + i);
        }
        return tensors.get(i);
    }
}
