package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jsuite.adversarial.tflite.OperatorOptions.Padding;
import org.junit.jupiter.api.Test;

/** TensorFlow's SAME and VALID geometry, as tf.nn.conv2d computes it. */
class SamePaddingTest {

    @Test
    void strideTwoOnAnEvenInputPadsOnlyAfter() {
        assertThat(SamePadding.of(Padding.SAME, 224, 3, 2, 1)).isEqualTo(new SamePadding(112, 0, 1));
        assertThat(SamePadding.of(Padding.SAME, 6, 1, 2, 1)).isEqualTo(new SamePadding(3, 0, 0));
    }

    @Test
    void oddTotalsAndStrideOne() {
        assertThat(SamePadding.of(Padding.SAME, 112, 3, 1, 1)).isEqualTo(new SamePadding(112, 1, 1));
        assertThat(SamePadding.of(Padding.SAME, 5, 3, 2, 1)).isEqualTo(new SamePadding(3, 1, 1));
        assertThat(SamePadding.of(Padding.SAME, 7, 4, 1, 1)).isEqualTo(new SamePadding(7, 1, 2));
        // Dilation 2 turns a 3-tap window into a 5-wide one.
        assertThat(SamePadding.of(Padding.SAME, 10, 3, 1, 2)).isEqualTo(new SamePadding(10, 2, 2));
    }

    @Test
    void validWindowsDoNotPad() {
        assertThat(SamePadding.of(Padding.VALID, 7, 7, 1, 1)).isEqualTo(new SamePadding(1, 0, 0));
        assertThat(SamePadding.of(Padding.VALID, 4, 4, 2, 1)).isEqualTo(new SamePadding(1, 0, 0));
        assertThat(SamePadding.of(Padding.VALID, 9, 3, 2, 1)).isEqualTo(new SamePadding(4, 0, 0));
    }
}
