package org.dl4jsuite.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySamplerTest {
    @TempDir
    Path tmp;

    @Test
    void writesASampleEveryPeriodWithThePhaseMarked() throws Exception {
        Path csv = tmp.resolve("samples.csv");
        System.setProperty(MemorySampler.FILE_PROPERTY, csv.toString());
        System.setProperty(MemorySampler.EVERY_PROPERTY, "0.05");
        try (MemorySampler sampler = MemorySampler.startIfAsked().orElseThrow()) {
            MemorySampler.phase("train");
            Thread.sleep(400);
            MemorySampler.phase("eval");
            Thread.sleep(200);
        } finally {
            System.clearProperty(MemorySampler.FILE_PROPERTY);
            System.clearProperty(MemorySampler.EVERY_PROPERTY);
            MemorySampler.phase("start");
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(MemorySampler.HEADER);
        assertThat(lines.size()).isGreaterThan(5);
        assertThat(lines).anyMatch(l -> l.endsWith(",train")).last().asString().endsWith(",eval");
        String[] cells = lines.get(lines.size() - 1).split(",");
        assertThat(Double.parseDouble(cells[1])).as("RSS MiB").isGreaterThan(10);
        assertThat(Double.parseDouble(cells[2])).as("heap MiB").isPositive();
    }

    @Test
    void withoutThePropertyNothingStarts() {
        System.clearProperty(MemorySampler.FILE_PROPERTY);
        assertThat(MemorySampler.startIfAsked()).isEmpty();
    }
}
