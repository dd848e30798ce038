package org.dl4jsuite.adversarial.tflite;


/** Reads the builtin options table of the operators the importer knows (field numbers from schema.fbs). */
final class OptionsReader {
    // BuiltinOptions union members (1-based position in schema.fbs's union).
    static final int CONV_2D_OPTIONS = 1;
    static final int DEPTHWISE_CONV_2D_OPTIONS = 2;
    static final int POOL_2D_OPTIONS = 5;
    static final int SOFTMAX_OPTIONS = 9;
    static final int ADD_OPTIONS = 11;
    static final int RESHAPE_OPTIONS = 17;

    private OptionsReader() {
    }

    /** The options of operator {@code name}; operators without options (or unknown ones) get {@link OperatorOptions#NONE}. */
    static OperatorOptions read(String name, int type, FlatTable t) {
        if (t == null) {
            return OperatorOptions.NONE;
        }
        OperatorOptions d = OperatorOptions.NONE;
        return switch (type) {
            case CONV_2D_OPTIONS -> new OperatorOptions("Conv2DOptions", padding(t.byteField(0, (byte) 0)),
                    t.intField(2, 1), t.intField(1, 1), 1, 1, 1, t.intField(5, 1), t.intField(4, 1),
                    activation(t.byteField(3, (byte) 0)), d.beta(), d.newShape());
            case DEPTHWISE_CONV_2D_OPTIONS -> new OperatorOptions("DepthwiseConv2DOptions", padding(t.byteField(0, (byte) 0)),
                    t.intField(2, 1), t.intField(1, 1), 1, 1, t.intField(3, 1), t.intField(6, 1), t.intField(5, 1),
                    activation(t.byteField(4, (byte) 0)), d.beta(), d.newShape());
            case POOL_2D_OPTIONS -> new OperatorOptions("Pool2DOptions", padding(t.byteField(0, (byte) 0)),
                    t.intField(2, 1), t.intField(1, 1), t.intField(4, 1), t.intField(3, 1), 1, 1, 1,
                    activation(t.byteField(5, (byte) 0)), d.beta(), d.newShape());
            case SOFTMAX_OPTIONS -> new OperatorOptions("SoftmaxOptions", d.padding(), 1, 1, 1, 1, 1, 1, 1, d.activation(),
                    t.floatField(0, 0f), d.newShape());
            case ADD_OPTIONS -> new OperatorOptions("AddOptions", d.padding(), 1, 1, 1, 1, 1, 1, 1,
                    activation(t.byteField(0, (byte) 0)), d.beta(), d.newShape());
            case RESHAPE_OPTIONS -> new OperatorOptions("ReshapeOptions", d.padding(), 1, 1, 1, 1, 1, 1, 1, d.activation(),
                    d.beta(), t.ints(0));
            default -> new OperatorOptions("BuiltinOptions#" + type, d.padding(), 1, 1, 1, 1, 1, 1, 1, d.activation(),
                    d.beta(), d.newShape());
        };
    }

    private static OperatorOptions.Padding padding(byte code) {
        if (code < 0 || code >= OperatorOptions.Padding.values().length) {
            throw new IllegalArgumentException("padding code " + code + " is neither SAME (0) nor VALID (1)");
        }
        return OperatorOptions.Padding.values()[code];
    }

    private static OperatorOptions.Activation activation(byte code) {
        if (code < 0 || code >= OperatorOptions.Activation.values().length) {
            throw new IllegalArgumentException("fused activation code " + code + " is not one of TFLite's");
        }
        return OperatorOptions.Activation.values()[code];
    }
}
