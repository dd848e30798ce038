package org.dl4jsuite.common.sequence;

import java.util.Iterator;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.BatchSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The windows of a {@link StreamBatches} layout {@code windows} at a time: block {@code e} is windows
 * [e·K, e·K + K) of every stream joined along time, one DataSet [streams, 1, K·seq], for a trainer that sees one
 * DataSet per update round and walks it in truncated-BPTT windows of {@code seq} itself (DL4J's {@code fit} with
 * {@code BackpropType.TruncatedBPTT}, as dl4j-spark's workers call it). Within a block the state is carried
 * from window to window; a trainer starts each block from zeros. The last (W mod K) windows of an epoch, too few
 * for a block, are left out, so every block has the same length.
 */
public final class WindowBlocks implements BatchSource {
    private final StreamBatches windows;
    private final int size;

    /** Blocks of {@code size} consecutive windows of {@code windows}; at least one full block is required. */
    public WindowBlocks(StreamBatches windows, int size) {
        if (size < 1) {
            throw new SuiteException("windows per block must be positive, got " + size);
        }
        if (windows.batchesPerEpoch() < size) {
            throw new SuiteException(String.format("an epoch has %d windows of %d tokens, fewer than the %d of one "
                    + "block; use a longer text or fewer windows per block", windows.batchesPerEpoch(),
                    windows.seqLength(), size));
        }
        this.windows = windows;
        this.size = size;
    }

    /** Windows per block. */
    public int size() {
        return size;
    }

    /** Windows of each epoch that no block holds (the epoch's last ones). */
    public int windowsLeftOut() {
        return windows.batchesPerEpoch() % size;
    }

    @Override
    public int batchesPerEpoch() {
        return windows.batchesPerEpoch() / size;
    }

    /** Block {@code e}: windows [e·K, e·K + K) joined along time, features and labels [streams, 1, K·seq]. */
    public DataSet block(int e) {
        if (e < 0 || e >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("block " + e + " of " + batchesPerEpoch());
        }
        INDArray[] features = new INDArray[size];
        INDArray[] labels = new INDArray[size];
        for (int k = 0; k < size; k++) {
            DataSet window = windows.window(e * size + k);
            features[k] = window.getFeatures();
            labels[k] = window.getLabels();
        }
        return new DataSet(Nd4j.concat(2, features), Nd4j.concat(2, labels));
    }

    @Override
    public Iterator<DataSet> epoch(int epoch, int skip) {
        return BatchSource.lazily(skip, batchesPerEpoch(), this::block);
    }
}
