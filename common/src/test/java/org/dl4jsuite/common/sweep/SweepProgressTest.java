package org.dl4jsuite.common.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SweepProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void showsPointsDoneTimeSpentAndTimeLeftAtThePaceOfThePointsTrainedHere() {
        SweepProgress progress = new SweepProgress(12, 0);
        assertThat(progress.line(0, 0)).isEqualTo("[------------------------] 0/12 points, 0 s");
        // Two points were already finished (skipped on resume); one was trained here in 5 minutes.
        progress.trained();
        assertThat(progress.line(3, 300 * SECOND))
                .isEqualTo("[######------------------] 3/12 points, 5 min, about 45 min left");
        assertThat(progress.line(12, 3600 * SECOND)).isEqualTo("[########################] 12/12 points, 60 min");
    }
}
