package org.dl4jsuite.common.sequence;

import java.util.function.IntConsumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a trained recurrent language model says, one stream at a time through {@code rnnTimeStep}:
 * the teacher-forced next-token predictions for a given input, and free-running generation where
 * each sampled token is fed back as the next input. Both start from and leave a cleared RNN state.
 */
public final class RecurrentSampling {
    private RecurrentSampling() {
    }

    /** For each position of {@code input}, the most likely next token given the true tokens up to it. */
    public static int[] predictNext(MultiLayerNetwork network, int[] input) {
        network.rnnClearPreviousState();
        try {
            double[][] probabilities = distributions(network.rnnTimeStep(StreamBatches.ids(new int[][] {input})));
            int[] predicted = new int[input.length];
            for (int t = 0; t < input.length; t++) {
                predicted[t] = TokenSampler.argmax(probabilities[t]);
            }
            return predicted;
        } finally {
            network.rnnClearPreviousState();
        }
    }

    /**
     * Feeds {@code prime} (at least one token), then draws {@code length} tokens with {@code sampler},
     * each fed back as the next input; every drawn token goes to {@code emit} as soon as it is drawn.
     */
    public static int[] generate(MultiLayerNetwork network, int[] prime, int length, TokenSampler sampler,
                                 IntConsumer emit) {
        if (prime.length == 0) {
            throw new IllegalArgumentException("the prime needs at least one token");
        }
        network.rnnClearPreviousState();
        try {
            double[][] primed = distributions(network.rnnTimeStep(StreamBatches.ids(new int[][] {prime})));
            double[] next = primed[prime.length - 1];
            int[] out = new int[length];
            for (int i = 0; i < length; i++) {
                int token = sampler.sample(next);
                out[i] = token;
                emit.accept(token);
                if (i + 1 < length) {
                    next = distributions(network.rnnTimeStep(StreamBatches.ids(new int[][] {{token}})))[0];
                }
            }
            return out;
        } finally {
            network.rnnClearPreviousState();
        }
    }

    /** The softmax output of one stream, [1, V, T] (or [1, V] for one step), as [T][V]. */
    static double[][] distributions(INDArray output) {
        INDArray out = output.rank() == 2 ? output.reshape(output.size(0), output.size(1), 1) : output;
        int vocab = (int) out.size(1);
        int steps = (int) out.size(2);
        double[] flat = out.slice(0).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] result = new double[steps][vocab];
        for (int v = 0; v < vocab; v++) {
            for (int t = 0; t < steps; t++) {
                result[t][v] = flat[v * steps + t];
            }
        }
        return result;
    }
}
