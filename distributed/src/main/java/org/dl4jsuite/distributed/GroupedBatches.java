package org.dl4jsuite.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.dl4jsuite.common.train.BatchSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Another batch source's batches, {@code size} at a time merged into one DataSet: one averaging round of a
 * distributed step (workers × averaging frequency batches), so checkpoints, logs and resume count rounds.
 */
public final class GroupedBatches implements BatchSource {
    private final BatchSource batches;
    private final int size;

    public GroupedBatches(BatchSource batches, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("group size must be positive, got " + size);
        }
        this.batches = batches;
        this.size = size;
    }

    @Override
    public int batchesPerEpoch() {
        return (batches.batchesPerEpoch() + size - 1) / size;
    }

    @Override
    public Iterator<DataSet> epoch(int epoch, int skip) {
        Iterator<DataSet> inner = batches.epoch(epoch, skip * size);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public DataSet next() {
                List<DataSet> group = new ArrayList<>(size);
                // A copy of each: a source may free a batch's arrays when it draws the next (InMemoryBatches does).
                while (group.size() < size && inner.hasNext()) {
                    group.add(inner.next().copy());
                }
                return group.size() == 1 ? group.get(0) : concatenate(group);
            }
        };
    }

    /** The batches one after the other . */
    private static DataSet concatenate(List<DataSet> group) {
        INDArray[] features = new INDArray[group.size()];
        INDArray[] labels = new INDArray[group.size()];
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).getFeaturesMaskArray() != null || group.get(i).getLabelsMaskArray() != null) {
                throw new IllegalArgumentException("grouping batches with masks is not supported");
            }
            features[i] = group.get(i).getFeatures();
            labels[i] = group.get(i).getLabels();
        }
        return new DataSet(Nd4j.concat(0, features), Nd4j.concat(0, labels));
    }
}
