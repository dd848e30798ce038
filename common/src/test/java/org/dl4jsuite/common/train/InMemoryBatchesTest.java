package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class InMemoryBatchesTest {
    private static InMemoryBatches batches(int n, int batch, long seed) {
        // Row i holds the value i, so batches reveal which examples they contain.
        INDArray features = Nd4j.arange(n).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(n, 1);
        INDArray labels = features.dup();
        return new InMemoryBatches(features, labels, batch, seed, true);
    }

    @Test
    void batchCountMatchesPytorchsDataLoaderWithALastPartialBatch() {
        assertThat(batches(60000, 64, 1).batchesPerEpoch()).isEqualTo(938);
        assertThat(batches(640, 64, 1).batchesPerEpoch()).isEqualTo(10);
    }

    @Test
    void eachEpochVisitsEveryExampleOnceInAnOrderFixedBySeedAndEpoch() {
        InMemoryBatches source = batches(100, 16, 5);
        List<Integer> seen = ids(source.epoch(0, 0));
        assertThat(seen).hasSize(100).doesNotHaveDuplicates();
        assertThat(ids(batches(100, 16, 5).epoch(0, 0))).isEqualTo(seen);
        assertThat(ids(source.epoch(1, 0))).isNotEqualTo(seen);
        assertThat(ids(batches(100, 16, 6).epoch(0, 0))).isNotEqualTo(seen);
    }

    @Test
    void skippingResumesAtTheSameBatch() {
        InMemoryBatches source = batches(100, 16, 5);
        List<Integer> all = ids(source.epoch(3, 0));
        assertThat(ids(source.epoch(3, 2))).isEqualTo(all.subList(32, 100));
    }

    @Test
    void featuresAndLabelsStayPaired() {
        Iterator<DataSet> it = batches(50, 8, 2).epoch(0, 0);
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertThat(batch.getFeatures()).isEqualTo(batch.getLabels());
        }
    }

    @Test
    void rowsEqualPullRowsForDenseArraysAndViews() {
        INDArray dense = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 40, 7);
        int[] rows = {39, 0, 5, 5, 17};
        assertThat(InMemoryBatches.rows(dense, rows)).isEqualTo(Nd4j.pullRows(dense, 1, rows));
        INDArray doubles = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 40, 3);
        assertThat(InMemoryBatches.rows(doubles, rows)).isEqualTo(Nd4j.pullRows(doubles, 1, rows));
        INDArray view = dense.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6));
        assertThat(InMemoryBatches.rows(view, rows)).isEqualTo(Nd4j.pullRows(view, 1, rows));
        INDArray fortran = dense.dup('f');
        assertThat(InMemoryBatches.rows(fortran, rows)).isEqualTo(Nd4j.pullRows(fortran, 1, rows));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InMemoryBatches.rows(dense, new int[] {40}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static List<Integer> ids(Iterator<DataSet> it) {
        List<Integer> ids = new ArrayList<>();
        while (it.hasNext()) {
            for (float v : it.next().getFeatures().toFloatVector()) {
                ids.add(Math.round(v));
            }
        }
        return ids;
    }
}
