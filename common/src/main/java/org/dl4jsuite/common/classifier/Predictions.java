package org.dl4jsuite.common.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Class predictions of a classifier over many examples, computed in inference mode and in batches. */
public final class Predictions {
    private Predictions() {
    }

    /** The arg-max class of each row of {@code features}. */
    public static int[] classes(MultiLayerNetwork net, INDArray features, int batchSize) {
        long n = features.rows();
        int[] predicted = new int[(int) n];
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            INDArray out = net.output(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()), false);
            int[] best = out.argMax(1).toIntVector();
            System.arraycopy(best, 0, predicted, (int) from, best.length);
        }
        return predicted;
    }

    /** Fraction of {@code predicted} equal to {@code actual}. */
    public static double accuracy(int[] predicted, int[] actual) {
        if (predicted.length != actual.length || actual.length == 0) {
            throw new IllegalArgumentException("need equal, non-empty arrays: " + predicted.length + " vs " + actual.length);
        }
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                right++;
            }
        }
        return right / (double) actual.length;
    }
}
