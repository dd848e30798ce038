package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A terminal gets a bar per epoch with the loss; anything else keeps the log lines. */
class StepProgressTest {
    @Test
    void theBarCountsTheEpochsStepsAndShowsTheLoss() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (StepProgress bar = new StepProgress.Bar()) {
            assertThat(bar.replacesLogLines()).isTrue();
            bar.startEpoch("epoch 2/3", 4, 1);
            for (int done = 2; done <= 4; done++) {
                bar.step(done, 0.5, 1234, "ex");
            }
        } finally {
            System.setErr(err);
        }
        String shown = captured.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("epoch 2/3").contains("100%").contains("4/4").contains("loss 0.5000")
                .contains("1,234 ex/s");
    }

    @Test
    void offATerminalTheLogLinesStay() {
        // Tests run with their output redirected: no console, so no bar.
        assertThat(StepProgress.forConsole().replacesLogLines()).isFalse();
        assertThat(StepProgress.LINES.replacesLogLines()).isFalse();
    }
}
