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

class StreamBatchesTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** Token i is the number i, so "next token" is "plus one" and positions are readable. */
    private static int[] counting(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    void rowsAreContiguousChunksAndTheWalkMatchesTheReference() {
        // 103 tokens, 4 streams: cut to 100, 25 columns; i = 0, 6, 12, 18 (i < 25 - 6 = 19)
        StreamBatches batches = new StreamBatches(counting(103), 4, 6);
        assertThat(batches.columns()).isEqualTo(25);
        assertThat(batches.batchesPerEpoch()).isEqualTo(4);
        for (int k = 0; k < 4; k++) {
            int[][] in = batches.inputs(k);
            for (int b = 0; b < 4; b++) {
                assertThat(in[b][0]).isEqualTo(b * 25 + k * 6);
            }
        }
        // the last target of the last window stays inside its stream
        assertThat(batches.targets(3)[3][5]).isEqualTo(3 * 25 + 18 + 6);
        assertThat(new StreamBatches(counting(100), 4, 6).batchesPerEpoch()).isEqualTo(4);
        assertThat(new StreamBatches(counting(4 * 7), 4, 6).batchesPerEpoch()).isEqualTo(1);
    }

    @Test
    void everyTargetIsTheNextTokenAndWindowsFollowEachOtherInEachStream() {
        StreamBatches batches = new StreamBatches(counting(1000), 7, 10);
        for (int k = 0; k < batches.batchesPerEpoch(); k++) {
            int[][] in = batches.inputs(k);
            int[][] target = batches.targets(k);
            for (int b = 0; b < 7; b++) {
                for (int t = 0; t < 10; t++) {
                    assertThat(target[b][t]).isEqualTo(in[b][t] + 1);
                    if (t > 0) {
                        assertThat(in[b][t]).isEqualTo(in[b][t - 1] + 1);
                    }
                }
                if (k > 0) {
                    assertThat(in[b][0]).isEqualTo(batches.inputs(k - 1)[b][9] + 1);
                }
            }
        }
    }

    @Test
    void windowsAreDataSetsOfIdsInNcwLayoutAndEpochsCanSkip() {
        StreamBatches batches = new StreamBatches(counting(200), 2, 5);
        DataSet window = batches.window(3);
        assertThat(window.getFeatures().shape()).containsExactly(2, 1, 5);
        assertThat(window.getLabels().shape()).containsExactly(2, 1, 5);
        assertThat(window.getFeatures().getInt(1, 0, 2)).isEqualTo(100 + 15 + 2);
        assertThat(window.getLabels().getInt(1, 0, 2)).isEqualTo(100 + 15 + 3);
        Iterator<DataSet> skipped = batches.epoch(1, 3);
        assertThat(skipped.next().getFeatures()).isEqualTo(window.getFeatures());
        int rest = 1;
        while (skipped.hasNext()) {
            skipped.next();
            rest++;
        }
        assertThat(rest).isEqualTo(batches.batchesPerEpoch() - 3);
    }

    @Test
    void tooShortASequenceIsAClearError() {
        assertThatThrownBy(() -> new StreamBatches(counting(40), 4, 10))
                .isInstanceOf(SuiteException.class).hasMessageContaining("too few").hasMessageContaining("4 streams");
    }
}
