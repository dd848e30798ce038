package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;

/**
 * Any bytes given as an idx file (plain or gzip) are either read, with data matching the header, or refused
 * with the suite's one user error. Replays IdxFileFuzzTestInputs/ under {@code mvn verify}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class IdxFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".idx");
        try {
            Files.write(file, bytes);
            IdxFile idx = IdxFile.read(file);
            long size = 1;
            for (int d : idx.dims()) {
                size *= d;
            }
            assertThat((long) idx.data().length).isEqualTo(size);
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
