package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.dl4jsuite.common.ReadOrRefuse;

/**
 * Any bytes given as an idx file (plain or gzip) are either read, with data matching the header, or refused
 * with the suite's one user error. Replays IdxFileFuzzTestInputs/ under {@code mvn verify}; {@code ./fuzz}
 * fuzzes.
 */
class IdxFileFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".idx", file -> {
            IdxFile idx = IdxFile.read(file);
            long size = 1;
            for (int d : idx.dims()) {
                size *= d;
            }
            assertThat((long) idx.data().length).isEqualTo(size);
        });
    }
}
