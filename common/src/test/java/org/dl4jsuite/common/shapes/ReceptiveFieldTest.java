package org.dl4jsuite.common.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {

    @Test
    void originalAlexNetOn227() {
        // Krizhevsky's AlexNet: conv1 11/4/0, pool 3/2/0, conv2 5/1/2, pool 3/2/0, conv3-5 3/1/1, pool 3/2/0.
        List<ReceptiveField.Layer> layers = List.of(
                ReceptiveField.Layer.parse("conv1", "11/4/0"), ReceptiveField.Layer.parse("pool1", "3/2/0"),
                ReceptiveField.Layer.parse("conv2", "5/1/2"), ReceptiveField.Layer.parse("pool2", "3/2/0"),
                ReceptiveField.Layer.parse("conv3", "3/1/1"), ReceptiveField.Layer.parse("conv4", "3/1/1"),
                ReceptiveField.Layer.parse("conv5", "3/1/1"), ReceptiveField.Layer.parse("pool5", "3/2/0"));
        List<ReceptiveField.Step> steps = ReceptiveField.trace(227, 0.5, layers);
        assertThat(steps).extracting(ReceptiveField.Step::size).containsExactly(227, 55, 27, 27, 13, 13, 13, 13, 6);
        assertThat(steps).extracting(ReceptiveField.Step::jump).containsExactly(1L, 4L, 8L, 8L, 16L, 16L, 16L, 16L, 32L);
        assertThat(steps).extracting(ReceptiveField.Step::receptiveSize)
                .containsExactly(1L, 11L, 19L, 51L, 67L, 99L, 131L, 163L, 195L);
        // conv1's first feature is centred on pixels 0..10, i.e. at 0.5 + 5 = 5.5.
        assertThat(steps.get(1).start()).isEqualTo(5.5);
        assertThat(steps.get(8).start()).isEqualTo(33.5);
        assertThat(steps.get(1).box(0)).containsExactly(0.0, 11.0);
        assertThat(steps.get(1).box(1)).containsExactly(4.0, 15.0);
    }

    @Test
    void paddingMovesTheStartIntoThePadding() {
        List<ReceptiveField.Step> steps = ReceptiveField.trace(5, 0.5, List.of(ReceptiveField.Layer.parse("c", "3/1/1")));
        assertThat(steps.get(1).size()).isEqualTo(5);
        assertThat(steps.get(1).start()).isEqualTo(0.5);
        assertThat(steps.get(1).box(0)).containsExactly(-1.0, 2.0);
    }

    @Test
    void badSpecsAreUserErrors() {
        assertThatThrownBy(() -> ReceptiveField.Layer.parse("x", "11/4")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("kernel/stride/padding");
        assertThatThrownBy(() -> ReceptiveField.Layer.parse("x", "0/1/0")).isInstanceOf(SuiteException.class);
        assertThatThrownBy(() -> ReceptiveField.trace(5, 0.5, List.of()).get(0).box(5))
                .isInstanceOf(SuiteException.class).hasMessageContaining("outside 0..4");
    }
}
