package org.dl4jsuite.common.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The training data as the loop sees it: a fixed number of batches per epoch, in an order that
 * depends only on the epoch number, so a resumed run sees exactly the batches it would have seen.
 */
public interface BatchSource {

    /** Batches in one epoch. */
    int batchesPerEpoch();

    /** The batches of epoch {@code epoch} (0-based), starting after the first {@code skip} of them. */
    Iterator<DataSet> epoch(int epoch, int skip);

    /** Batches {@code first} .. {@code count − 1}, each made on demand by {@code batch}. */
    static Iterator<DataSet> lazily(int first, int count, IntFunction<DataSet> batch) {
        return new Iterator<>() {
            private int next = Math.max(0, first);

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.apply(next++);
            }
        };
    }
}
