package org.dl4jsuite.adversarial.tflite;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/** A TFLite model's main subgraph as read from the file: its tensors, operators and input/output tensors. */
public record TfliteModel(String source, int version, String description, List<TfliteTensor> tensors,
                          List<TfliteOperator> operators, int[] inputs, int[] outputs) {

    /** The tensor with index {@code i}; an index the file gives that names none is a user error. */
    public TfliteTensor tensor(int i) {
        if (i < 0 || i >= tensors.size()) {
            throw new SuiteException(source + " names tensor " + i + ", but its subgraph has " + tensors.size()
                    + " (indices 0.." + (tensors.size() - 1) + ")");
        }
        return tensors.get(i);
    }
}
