package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

class ParallelWrapperStepTest {

    @Test
    void aRoundReachesParallelWrapperAsItsMiniBatchesOneByOne() {
        ComputeBackend.initialise(0);
        // 2 workers × averaging every 5 = 10 batches of 64: ParallelWrapper must see 10 DataSets (5 iterations of
        // 2 workers), not the 640 examples merged into one.
        DataSet round = new DataSet(Nd4j.rand(640, 4), Nd4j.rand(640, 3));
        DataSetIterator batches = ParallelWrapperStep.batches(round, 64);
        List<Long> sizes = new ArrayList<>();
        while (batches.hasNext()) {
            sizes.add((long) batches.next().numExamples());
        }
        assertThat(sizes).hasSize(10).containsOnly(64L);
    }
}
