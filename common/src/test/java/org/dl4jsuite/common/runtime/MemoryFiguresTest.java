package org.dl4jsuite.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MemoryFiguresTest {
    @Test
    void theResidentPagesAreStatmsSecondField() {
        assertThat(MemoryFigures.residentPages("1234567 89012 345 6 0 7890 0\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(89012);
    }

    @Test
    void aLineWithoutASecondFieldIsRefused() {
        assertThatThrownBy(() -> MemoryFigures.residentPages("1234567".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statm");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theResidentSetAgreesWithTheKernelsStatusFile() throws Exception {
        double statusMib = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                statusMib = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        double statmMib = MemoryFigures.residentSetMib();
        // Read a moment apart, the two may differ by what the JVM touched in between, never by a page-size factor.
        assertThat(statmMib).isBetween(statusMib * 0.9, statusMib * 1.1);
    }
}
