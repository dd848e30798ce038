package org.dl4jsuite.common.train;

import java.util.Iterator;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches drawn from features and labels held in memory (rows = examples), reshuffled each
 * epoch with a permutation that depends only on (seed, epoch). The last batch may be smaller, as
 * with PyTorch's DataLoader.
 */
public final class InMemoryBatches implements BatchSource {
    private final INDArray features;
    private final INDArray labels;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;

    /** {@code features} [n, d] and {@code labels} [n, k], both 2-D with matching rows. */
    public InMemoryBatches(INDArray features, INDArray labels, int batchSize, long seed, boolean shuffle) {
        if (features.rank() != 2 || labels.rank() != 2 || features.rows() != labels.rows()) {
            throw new IllegalArgumentException("features " + java.util.Arrays.toString(features.shape())
                    + " and labels " + java.util.Arrays.toString(labels.shape()) + " must be 2-D with equal rows");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
    }

    /** Number of examples. */
    public int size() {
        return features.rows();
    }

    @Override
    public int batchesPerEpoch() {
        return (size() + batchSize - 1) / batchSize;
    }

    /** The example order of {@code epoch}: a Fisher–Yates shuffle seeded by (seed, epoch), or identity. */
    public int[] order(int epoch) {
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed * 6364136223846793005L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /**
     * {@inheritDoc} Each batch's arrays are freed when the next batch is drawn (so the training loop reuses the
     * same native memory instead of touching fresh pages until the garbage collector runs): keep a copy of a
     * batch that must outlive the step.
     */
    @Override
    public Iterator<DataSet> epoch(int epoch, int skip) {
        int[] order = order(epoch);
        DataSet[] previous = new DataSet[1];
        return BatchSource.lazily(skip, batchesPerEpoch(), k -> {
            if (previous[0] != null) {
                previous[0].getFeatures().close();
                previous[0].getLabels().close();
            }
            int from = k * batchSize;
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
            previous[0] = new DataSet(rows(features, rows), rows(labels, rows));
            return previous[0];
        });
    }

    /**
     * The rows {@code rows} of the 2-D {@code source}, in that order, as a new array: one copy per row when the
     * source is dense 'c'-order memory (what {@code Nd4j.pullRows} gives, without its per-call work over the
     * whole source and without zeroing the result first: 10% of LeNet-5's step), else {@code Nd4j.pullRows}.
     */
    static INDArray rows(INDArray source, int[] rows) {
        if (source.ordering() != 'c' || source.isView() || source.offset() != 0 || source.length() != source.data().length()) {
            return Nd4j.pullRows(source, 1, rows);
        }
        long rowBytes = source.columns() * (long) source.dataType().width();
        INDArray out;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            out = Nd4j.createUninitialized(source.dataType(), rows.length, source.columns());
        }
        BytePointer from = new BytePointer(source.data().addressPointer());
        BytePointer to = new BytePointer(out.data().addressPointer());
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= source.rows()) {
                throw new IndexOutOfBoundsException("row " + rows[i] + " of " + source.rows());
            }
            Pointer.memcpy(to.position(i * rowBytes), from.position(rows[i] * rowBytes), rowBytes);
        }
        return out;
    }
}
