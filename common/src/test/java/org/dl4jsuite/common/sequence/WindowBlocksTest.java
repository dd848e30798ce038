package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.stream.IntStream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

class WindowBlocksTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void aBlockIsItsWindowsJoinedAlongTimeAndTheTailIsLeftOut() {
        // 4 streams of 40 tokens (token i is i), windows of 3: i = 0, 3, ..., 36 (i < 37), 13 windows; blocks of 4: 3.
        StreamBatches windows = new StreamBatches(IntStream.range(0, 160).toArray(), 4, 3);
        assertThat(windows.batchesPerEpoch()).isEqualTo(13);
        WindowBlocks blocks = new WindowBlocks(windows, 4);
        assertThat(blocks.batchesPerEpoch()).isEqualTo(3);
        assertThat(blocks.windowsLeftOut()).isEqualTo(1);

        DataSet second = blocks.block(1);
        assertThat(second.getFeatures().shape()).containsExactly(4, 1, 12);
        assertThat(second.getLabels().shape()).containsExactly(4, 1, 12);
        for (int k = 0; k < 4; k++) {
            DataSet window = windows.window(4 + k);
            INDArrayIndex time = NDArrayIndex.interval(3 * k, 3 * k + 3);
            assertThat(second.getFeatures().get(NDArrayIndex.all(), NDArrayIndex.all(), time))
                    .isEqualTo(window.getFeatures());
            assertThat(second.getLabels().get(NDArrayIndex.all(), NDArrayIndex.all(), time))
                    .isEqualTo(window.getLabels());
        }
        // stream 2 continues without a gap: tokens 80 + 12 ... 80 + 23, targets one ahead
        assertThat(second.getFeatures().getDouble(2, 0, 0)).isEqualTo(92.0);
        assertThat(second.getFeatures().getDouble(2, 0, 11)).isEqualTo(103.0);
        assertThat(second.getLabels().getDouble(2, 0, 11)).isEqualTo(104.0);

        Iterator<DataSet> resumed = blocks.epoch(0, 2);
        assertThat(resumed.next().getFeatures()).isEqualTo(blocks.block(2).getFeatures());
        assertThat(resumed.hasNext()).isFalse();
    }

    @Test
    void tooFewWindowsForOneBlockIsAUserError() {
        StreamBatches windows = new StreamBatches(IntStream.range(0, 160).toArray(), 4, 3);
        assertThatThrownBy(() -> new WindowBlocks(windows, 14)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("an epoch has 13 windows of 3 tokens, fewer than the 14 of one block");
        assertThatThrownBy(() -> new WindowBlocks(windows, 0)).isInstanceOf(SuiteException.class);
    }
}
