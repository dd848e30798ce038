package org.dl4jsuite.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.dl4jsuite.common.ReadOrRefuse;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Any bytes given as a PyTorch checkpoint are either read into arrays or refused with the suite's one user error.
 * Replays TorchCheckpointFuzzTestInputs/ (checkpoints PyTorch wrote, a hand-made one, and every finding) under
 * {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class TorchCheckpointFuzzTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".pth", file -> {
            Map<String, INDArray> arrays = TorchCheckpoint.read(file);
            assertThat(arrays).isNotEmpty();
            arrays.values().forEach(a -> assertThat(a.length()).isNotNegative());
        });
    }
}
