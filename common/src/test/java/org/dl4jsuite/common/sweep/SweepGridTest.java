package org.dl4jsuite.common.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;

/** A train command line with lists becomes every combination, repeated per seed. */
class SweepGridTest {
    @Test
    void everyCombinationOncePerSeedTheLastAxisFastest() {
        SweepGrid grid = SweepGrid.of(List.of("--lr", "0.1,0.01", "--epochs", "2", "--optimizer=sgd,adam",
                "--skip-eval", "--data-dir", "d"), List.of("1", "2"));
        assertThat(grid.axes()).containsOnlyKeys("--lr", "--optimizer");
        assertThat(grid.fixed()).containsExactly("--epochs", "2", "--skip-eval", "--data-dir", "d");
        List<SweepPoint> points = grid.points();
        assertThat(points).hasSize(8);
        List<String> axes = List.of("--lr", "--optimizer");
        assertThat(points.stream().map(p -> p.label(axes) + " " + p.seed()).toList()).containsExactly(
                "lr=0.1 optimizer=sgd 1", "lr=0.1 optimizer=sgd 2", "lr=0.1 optimizer=adam 1", "lr=0.1 optimizer=adam 2",
                "lr=0.01 optimizer=sgd 1", "lr=0.01 optimizer=sgd 2", "lr=0.01 optimizer=adam 1",
                "lr=0.01 optimizer=adam 2");
        assertThat(points.get(2).trainArgs()).containsExactly("--epochs", "2", "--skip-eval", "--data-dir", "d",
                "--lr", "0.1", "--optimizer", "adam", "--seed", "1");
        assertThat(points.get(2).folderName(axes)).isEqualTo("lr=0.1_optimizer=adam_seed=1");
    }

    @Test
    void seedsMayComeAsATrainOptionAndNothingVariedIsOnePoint() {
        SweepGrid grid = SweepGrid.of(List.of("--seed", "3,4,5", "--epochs", "1"), List.of());
        assertThat(grid.axes()).isEmpty();
        assertThat(grid.points()).extracting(SweepPoint::seed).containsExactly("3", "4", "5");
        assertThat(grid.points().get(0).label(List.of())).isEqualTo("defaults");
        assertThat(SweepGrid.of(List.of("--epochs", "1"), List.of()).points()).hasSize(1);
    }

    @Test
    void malformedListsAreUserErrors() {
        assertThatThrownBy(() -> SweepGrid.of(List.of("--lr", "0.1,,0.01"), List.of()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("--lr 0.1,,0.01 has an empty value");
        assertThatThrownBy(() -> SweepGrid.of(List.of("--lr", "0.1,0.2", "--lr", "0.3,0.4"), List.of()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("--lr is given twice");
        assertThatThrownBy(() -> SweepGrid.of(List.of("--seed", "1,2"), List.of("3")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("give the seeds once");
        assertThatThrownBy(() -> SweepGrid.of(List.of("0.1"), List.of()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("not '0.1'");
        // 100^6 points would be built in memory before the first run.
        String hundred = String.join(",", java.util.stream.IntStream.range(0, 100).mapToObj(String::valueOf).toList());
        assertThatThrownBy(() -> SweepGrid.of(List.of("--a", hundred, "--b", hundred, "--c", hundred, "--d", hundred,
                "--e", hundred, "--f", hundred), List.of())).isInstanceOf(SuiteException.class)
                .hasMessageContaining("more than 10000 points");
    }

    @Test
    void seedStatisticsUseTheSampleStandardDeviation() {
        SeedStatistics s = SeedStatistics.of(List.of(0.9, 0.8, 0.85));
        assertThat(s.mean()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.std()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.min()).isEqualTo(0.8);
        assertThat(SeedStatistics.of(List.of(0.5)).std()).isZero();
    }
}
