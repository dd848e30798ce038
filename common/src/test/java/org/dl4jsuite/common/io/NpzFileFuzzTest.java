package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Map;
import org.dl4jsuite.common.ReadOrRefuse;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Any bytes given as a .npz archive are either read into arrays or refused with the suite's one user error.
 * Replays NpzFileFuzzTestInputs/ (archives numpy wrote, and every finding) under {@code mvn verify}; {@code ./fuzz}
 * fuzzes.
 */
class NpzFileFuzzTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".npz", file -> {
            Map<String, INDArray> arrays = NpzFile.read(file);
            assertThat(arrays).isNotEmpty();
            arrays.values().forEach(a -> assertThat(a.length()).isPositive());
        });
    }
}
