package org.dl4jsuite.common.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Time-step slices of NCW sequence arrays [N, features, T]. */
final class SequenceSteps {
    private SequenceSteps() {
    }

    /** Step {@code t} of {@code sequence}, a [N, features] copy. */
    static INDArray step(INDArray sequence, long t) {
        return sequence.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).dup();
    }

    /** Writes {@code value} [N, features] into step {@code t} of {@code sequence}. */
    /** The hidden states h_0..h_{T−1} of a sequence stacked as [mb, nOut, T] (NCW, like {@code input}). */
    static INDArray stack(INDArray input, long nOut, java.util.function.IntFunction<INDArray> stateAt) {
        INDArray out = org.nd4j.linalg.factory.Nd4j.create(input.dataType(), input.size(0), nOut, input.size(2));
        for (int t = 0; t < input.size(2); t++) {
            put(out, t, stateAt.apply(t));
        }
        return out;
    }

    static void put(INDArray sequence, long t, INDArray value) {
        sequence.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(value);
    }

    /** Adds {@code value} [N, features] to step {@code t} of {@code sequence}. */
    static void add(INDArray sequence, long t, INDArray value) {
        sequence.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)).addi(value);
    }

    /** Rows {@code [from, to)} of a matrix, a view. */
    static INDArray rows(INDArray matrix, long from, long to) {
        return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** Columns {@code [from, to)} of a matrix. */
    static INDArray columns(INDArray matrix, long from, long to) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }
}
