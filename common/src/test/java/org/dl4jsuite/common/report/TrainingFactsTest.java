package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dl4jsuite.common.train.TrainingState;
import org.junit.jupiter.api.Test;

class TrainingFactsTest {
    @Test
    void statesConfigurationSizeProgressAndTime() {
        String report = TrainingFacts.addTo(new RunReport("LM"), Map.of("hidden", 16), 5, 1234,
                new TrainingState(2, 0, 40, 12.34, 0), false).toMarkdown();
        assertThat(report).contains("- **configuration:** {\"hidden\":16}", "- **parameters:** 1,234",
                "- **epochs completed:** 2 of 5\n", "- **steps:** 40", "- **training time:** 12.3 s (evaluation excluded)");
    }

    @Test
    void aRunStoppedByMaxStepsSaysSo() {
        String report = TrainingFacts.addTo(new RunReport("LM"), Map.of(), 5, 1, new TrainingState(0, 3, 3, 1, 0), true)
                .toMarkdown();
        assertThat(report).contains("- **epochs completed:** 0 of 5 (stopped by --max-steps)");
    }
}
