/** TensorFlow Lite FlatBuffers read from the schema and imported into a DL4J ComputationGraph. */
package org.dl4jsuite.adversarial.tflite;
