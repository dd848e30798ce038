package org.dl4jsuite.common.sequence;

import java.util.Arrays;
import java.util.Iterator;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.BatchSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A token sequence laid out as {@code batchSize} contiguous streams and walked in windows of
 * {@code seqLength}, as char-rnn and PyTorch's word_language_model do: the sequence is cut to a
 * multiple of the batch size, row b is the b-th chunk, and step k takes input columns
 * [i, i+seq) and target columns [i+1, i+1+seq) for i = k·seq while i &lt; ncols − seq. The
 * order never changes, so window k of every stream continues window k−1 of the same stream.
 * Features are [batch, 1, seq] token ids (for EmbeddingSequenceLayer), labels [batch, 1, seq]
 * class indices (for LossSparseMCXENT).
 */
public final class StreamBatches implements BatchSource {
    private final int[][] rows;
    private final int seqLength;

    /** Lays out {@code tokens}; fails with a clear message when there is not one full window per stream. */
    public StreamBatches(int[] tokens, int batchSize, int seqLength) {
        if (batchSize <= 0 || seqLength <= 0) {
            throw new SuiteException("batch size and sequence length must be positive, got " + batchSize + " and "
                    + seqLength);
        }
        int columns = tokens.length / batchSize;
        if (columns <= seqLength) {
            throw new SuiteException(String.format("%,d tokens are too few for %d streams of windows of %d "
                    + "(each stream needs more than %d tokens); use a longer text or a smaller batch size or "
                    + "sequence length", tokens.length, batchSize, seqLength, seqLength));
        }
        this.seqLength = seqLength;
        this.rows = new int[batchSize][];
        for (int b = 0; b < batchSize; b++) {
            rows[b] = Arrays.copyOfRange(tokens, b * columns, (b + 1) * columns);
        }
    }

    /** Number of streams (rows). */
    public int streams() {
        return rows.length;
    }

    /** Tokens per stream (columns). */
    public int columns() {
        return rows[0].length;
    }

    public int seqLength() {
        return seqLength;
    }

    @Override
    public int batchesPerEpoch() {
        // i = 0, seq, 2·seq, ... while i < ncols - seq
        return (columns() - seqLength + seqLength - 1) / seqLength;
    }

    /** The input ids of window {@code k}: [stream][t] = row[k·seq + t]. */
    public int[][] inputs(int k) {
        return slice(k, 0);
    }

    /** The target ids of window {@code k}: [stream][t] = row[k·seq + t + 1]. */
    public int[][] targets(int k) {
        return slice(k, 1);
    }

    /** Window {@code k} as a DataSet: features and labels [streams, 1, seq]. */
    public DataSet window(int k) {
        return new DataSet(ids(inputs(k)), ids(targets(k)));
    }

    @Override
    public Iterator<DataSet> epoch(int epoch, int skip) {
        return BatchSource.lazily(skip, batchesPerEpoch(), this::window);
    }

    /** Token ids [rows][t] as a float array [rows, 1, t], the layout of EmbeddingSequenceLayer input and sparse labels. */
    public static INDArray ids(int[][] ids) {
        int t = ids[0].length;
        float[] flat = new float[ids.length * t];
        for (int b = 0; b < ids.length; b++) {
            for (int j = 0; j < t; j++) {
                flat[b * t + j] = ids[b][j];
            }
        }
        return Nd4j.create(flat, new long[] {ids.length, 1, t}, 'c').castTo(DataType.FLOAT);
    }

    private int[][] slice(int k, int offset) {
        if (k < 0 || k >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("window " + k + " of " + batchesPerEpoch());
        }
        int from = k * seqLength + offset;
        int[][] out = new int[rows.length][];
        for (int b = 0; b < rows.length; b++) {
            out[b] = Arrays.copyOfRange(rows[b], from, from + seqLength);
        }
        return out;
    }
}
