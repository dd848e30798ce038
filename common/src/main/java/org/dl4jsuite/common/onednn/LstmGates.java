package org.dl4jsuite.common.onednn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves LSTM parameters between DL4J's layout and oneDNN's.
 *
 * <p>DL4J's LSTM keeps its input weights W [in, 4H], recurrent weights RW [H, 4H] (both 'f' order) and
 * bias b [1, 4H] with the gate blocks in the order (c̃, f, o, i): block input, forget, output, input gate
 * ({@code LSTMHelpers.activateHelper}). oneDNN orders them (i, f, c̃, o). A gate's [in, H] column block
 * of an 'f'-ordered matrix, transposed, is one contiguous [H, in] block of oneDNN's {@code ldgoi} layout
 * (L = D = 1), so a layout change is four block copies. The DL4J side is only ever sliced by column
 * intervals, as DL4J's own LSTM slices it: ND4J M2.1 loses the buffer of some point-indexed views of
 * parameter views (an offset view of an offset view).
 */
final class LstmGates {
    /** For oneDNN's gate g (i, f, c̃, o), the DL4J block that holds it. */
    static final int[] DL4J_BLOCK_OF_ONEDNN_GATE = {3, 1, 0, 2};

    private LstmGates() {
    }

    /** DL4J's block of oneDNN gate {@code g}: columns of a [rows, 4H] matrix. */
    private static INDArray block(INDArray dl4j, int g, long hidden) {
        long b = DL4J_BLOCK_OF_ONEDNN_GATE[g];
        return dl4j.get(all(), interval(b * hidden, (b + 1) * hidden));
    }

    /** Copies DL4J weights [in, 4H] into {@code oneDnn} [4, H, in] (ldgoi, oneDNN's gate order). */
    static void weightsToOneDnn(INDArray dl4j, INDArray oneDnn) {
        long hidden = oneDnn.size(1);
        for (int g = 0; g < 4; g++) {
            oneDnn.get(point(g)).assign(block(dl4j, g, hidden).transpose());
        }
    }

    /** Copies {@code oneDnn} [4, H, in] (ldgoi) into the DL4J matrix [in, 4H], which is written in place. */
    static void weightsToDl4j(INDArray oneDnn, INDArray dl4j) {
        long hidden = oneDnn.size(1);
        for (int g = 0; g < 4; g++) {
            block(dl4j, g, hidden).assign(oneDnn.get(point(g)).transpose());
        }
    }

    /** Copies a DL4J bias [1, 4H] into {@code oneDnn} [4, H] (ldgo). */
    static void biasToOneDnn(INDArray dl4j, INDArray oneDnn) {
        long hidden = oneDnn.size(1);
        for (int g = 0; g < 4; g++) {
            oneDnn.get(point(g), all()).assign(block(dl4j, g, hidden).reshape(hidden));
        }
    }

    /** Copies {@code oneDnn} [4, H] (ldgo) into the DL4J bias [1, 4H], written in place. */
    static void biasToDl4j(INDArray oneDnn, INDArray dl4j) {
        long hidden = oneDnn.size(1);
        for (int g = 0; g < 4; g++) {
            block(dl4j, g, hidden).assign(oneDnn.get(point(g), all()).reshape(1, hidden));
        }
    }
}
