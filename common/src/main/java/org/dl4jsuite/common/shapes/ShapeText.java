package org.dl4jsuite.common.shapes;

import org.deeplearning4j.nn.conf.inputs.InputType;

/** Writes a DL4J activation shape per example, without the batch axis, as text such as {@code 6×24×24} or {@code 120}. */
public final class ShapeText {

    private ShapeText() {}

    /**
     * Dimensions in the type's own memory order (channels first for NCHW, last for NHWC), joined by "×";
     * an unknown length (e.g. a variable time-series length) is written "?".
     */
    public static String of(InputType type) {
        long[] shape = type.getShape(false);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                out.append('×');
            }
            out.append(shape[i] > 0 ? Long.toString(shape[i]) : "?");
        }
        return out.toString();
    }
}
