package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;

/**
 * A run's checkpoint folder whose {@code LATEST} pointer and {@code state.json} are any bytes (the input up to its
 * first newline is LATEST, the rest state.json; the model zip is a real one): {@code --resume} either finds a
 * checkpoint inside the folder with a possible training state or refuses with the suite's one user error.
 * Replays CheckpointsFuzzTestInputs/ under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class CheckpointsFuzzTest {
    private static Path model;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
        model = TestResources.path(CheckpointsFuzzTest.class,
                "/org/dl4jsuite/common/model/ModelFileFuzzTestInputs/loadsOrRefuses/suite-model.zip");
    }

    @FuzzTest(maxDuration = "10m")
    void findsOrRefuses(byte[] bytes) throws IOException {
        int newline = indexOf(bytes, (byte) '\n');
        byte[] latest = Arrays.copyOf(bytes, newline);
        byte[] state = Arrays.copyOfRange(bytes, Math.min(bytes.length, newline + 1), bytes.length);
        Path dir = Files.createTempDirectory("fuzz-checkpoints");
        try {
            Path checkpoint = dir.resolve("ckpt-000000500-000-000500");
            Files.createDirectories(checkpoint);
            Files.copy(model, checkpoint.resolve(Checkpoints.MODEL));
            Files.write(checkpoint.resolve(Checkpoints.STATE), state);
            Files.write(dir.resolve(Checkpoints.LATEST), latest);
            Optional<Checkpoints.Checkpoint> found = new Checkpoints(dir, 3).latest();
            assertThat(found).isPresent();
            assertThat(found.get().directory().getParent()).isEqualTo(dir);
            TrainingState s = found.get().state();
            assertThat(s.epoch()).isNotNegative();
            assertThat(s.batchInEpoch()).isNotNegative();
            assertThat(s.step()).isNotNegative();
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
