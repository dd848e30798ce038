package org.dl4jsuite.adversarial.tflite;

/** One operator of a TFLite subgraph, in execution order: its builtin name, version, tensor indices and options. */
public record TfliteOperator(int index, String name, int version, int[] inputs, int[] outputs, OperatorOptions options) {
}
