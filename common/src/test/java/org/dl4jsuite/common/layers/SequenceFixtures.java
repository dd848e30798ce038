package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small sequence problems shared by the recurrent layers' proofs: sizes, inputs, targets and a softmax head. */
final class SequenceFixtures {
    static final int N = 3;
    static final int FEATURES = 4;
    static final int UNITS = 5;
    static final int CLASSES = 3;
    static final int T = 6;
    static final InputType SEQUENCES = InputType.recurrent(FEATURES, T, RNNFormat.NCW);

    private SequenceFixtures() {
    }

    /** A softmax cross-entropy head over each time step. */
    static RnnOutputLayer output() {
        return new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX)
                .dataFormat(RNNFormat.NCW).build();
    }

    /** A double-precision network of {@code layer} followed by the softmax head. */
    static MultiLayerNetwork withOutput(InputType input, Layer layer) {
        return GradientProofs.network(input, layer, output());
    }

    /** One-hot targets [N, CLASSES, T]. */
    static INDArray oneHotSequence(long seed) {
        java.util.Random random = new java.util.Random(seed);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, N, CLASSES, T);
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                labels.putScalar(new int[] {n, random.nextInt(CLASSES), t}, 1.0);
            }
        }
        return labels;
    }
}
