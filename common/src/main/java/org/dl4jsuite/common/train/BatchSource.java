package org.dl4jsuite.common.train;

import java.util.Iterator;
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
}
