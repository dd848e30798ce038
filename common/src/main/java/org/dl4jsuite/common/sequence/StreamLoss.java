package org.dl4jsuite.common.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.workarounds.NativeGarbage;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mean cross-entropy (nats per token) of a language model over a whole token sequence, read as
 * {@code streams} contiguous streams in windows of {@code seqLength} with the state carried across
 * windows, as PyTorch's word_language_model evaluates: every token but the first of each stream is
 * predicted once, the last window of a stream may be shorter.
 */
public final class StreamLoss {
    /**
     * Native growth an evaluation pass may leave before it runs the collector; it collects once more at its end, or
     * the pass's dead buffers stay resident through the training after it (a 2-epoch word-lm soak: +120 MiB after
     * each validation pass).
     */
    private static final double GARBAGE_BUDGET_MIB = 64;

    private StreamLoss() {
    }

    /** Mean −ln p(target) over every predicted token of {@code tokens}. */
    public static double meanNats(MultiLayerNetwork network, int[] tokens, int streams, int seqLength) {
        int columns = tokens.length / streams;
        if (columns < 2) {
            throw new SuiteException(String.format("%,d tokens are too few to evaluate as %d streams", tokens.length,
                    streams));
        }
        double sum = 0;
        long count = 0;
        NativeGarbage garbage = new NativeGarbage(GARBAGE_BUDGET_MIB);
        network.rnnClearPreviousState();
        try {
            for (int i = 0; i < columns - 1; i += seqLength) {
                int len = Math.min(seqLength, columns - 1 - i);
                int[][] input = new int[streams][len];
                int[][] target = new int[streams][len];
                for (int b = 0; b < streams; b++) {
                    System.arraycopy(tokens, b * columns + i, input[b], 0, len);
                    System.arraycopy(tokens, b * columns + i + 1, target[b], 0, len);
                }
                sum += windowNats(network, input, target, garbage);
                count += (long) streams * len;
            }
        } finally {
            network.rnnClearPreviousState();
            garbage.collect();
        }
        return sum / count;
    }

    /**
     * Mean −ln p(target) over exactly the training windows of {@code windows} (full windows only,
     * i = 0, seq, … while i &lt; ncols − seq), the state carried across them: the held-out
     * perplexity of PyTorch tutorials that reuse their training batcher for evaluation.
     */
    public static double meanNats(MultiLayerNetwork network, StreamBatches windows) {
        double sum = 0;
        long count = 0;
        NativeGarbage garbage = new NativeGarbage(GARBAGE_BUDGET_MIB);
        network.rnnClearPreviousState();
        try {
            for (int k = 0; k < windows.batchesPerEpoch(); k++) {
                int[][] target = windows.targets(k);
                sum += windowNats(network, windows.inputs(k), target, garbage);
                count += (long) target.length * target[0].length;
            }
        } finally {
            network.rnnClearPreviousState();
            garbage.collect();
        }
        return sum / count;
    }

    /**
     * Σ −ln p(target) of one window read from the carried state. The window's softmax output (B × V × T,
     * 24 MB for the word LM) and its copy are released at once: left to the garbage collector, a pass
     * over PTB's validation and test splits held 1.1 GB more native memory after it than before. The
     * layers' own activations of each window are dead too; {@code garbage} collects them as they pile up.
     */
    private static double windowNats(MultiLayerNetwork network, int[][] input, int[][] target, NativeGarbage garbage) {
        INDArray output = network.rnnTimeStep(StreamBatches.ids(input));
        try {
            return negativeLogLikelihood(output, target);
        } finally {
            release(output);
            garbage.check();
        }
    }

    private static void release(INDArray array) {
        if (array.closeable()) {
            array.close();
        }
    }

    /**
     * Σ −ln out[b, target[b][t], t] over a softmax output [B, V, T], read in place: only the B × T target
     * probabilities cross into Java, not a contiguous copy of the whole output (24 MB of native memory and 24 MB of
     * heap per word-LM window, which raised a validation pass's peak RSS above the training's).
     */
    static double negativeLogLikelihood(INDArray output, int[][] target) {
        int steps = (int) output.size(2);
        double sum = 0;
        for (int b = 0; b < target.length; b++) {
            for (int t = 0; t < steps; t++) {
                double p = output.getDouble(b, target[b][t], t);
                sum -= Math.log(Math.max(p, 1e-30));
            }
        }
        return sum;
    }
}
