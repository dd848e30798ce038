package org.dl4jsuite.adversarial.tflite;

/**
 * The builtin options of one operator, as far as the importer reads them: convolution and pooling
 * geometry (Conv2DOptions, DepthwiseConv2DOptions, Pool2DOptions), the fused activation, softmax's beta and
 * RESHAPE's new shape. Fields an operator does not have keep the schema's defaults.
 */
public record OperatorOptions(String type, Padding padding, int strideH, int strideW, int filterH, int filterW,
                              int depthMultiplier, int dilationH, int dilationW, Activation activation, float beta,
                              int[] newShape) {

    /** TFLite's padding modes. */
    public enum Padding { SAME, VALID }

    /** TFLite's fused activations (schema.fbs {@code ActivationFunctionType}). */
    public enum Activation { NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT }

    /** An operator without options. */
    public static final OperatorOptions NONE = new OperatorOptions("NONE", Padding.SAME, 1, 1, 1, 1, 1, 1, 1,
            Activation.NONE, 1f, new int[0]);
}
