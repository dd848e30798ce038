package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void latestIsTheNewestCompleteCheckpointWithItsState() {
        Checkpoints checkpoints = new Checkpoints(tmp, 2);
        assertThat(checkpoints.latest()).isEmpty();
        MultiLayerNetwork net = TinyClassifier.network(1);
        checkpoints.save(net, TinyClassifier.metadata(), new TrainingState(0, 5, 5, 1.5, 2.0));
        checkpoints.save(net, TinyClassifier.metadata(), new TrainingState(1, 0, 13, 3.0, 0.0));
        Checkpoints.Checkpoint latest = checkpoints.latest().orElseThrow();
        assertThat(latest.state()).isEqualTo(new TrainingState(1, 0, 13, 3.0, 0.0));
        MultiLayerNetwork restored = ModelFile.loadMultiLayer(latest.modelFile(), "test", true);
        assertThat(restored.params()).isEqualTo(net.params());
    }

    @Test
    void aCheckpointLeftHalfWrittenIsNeverTakenAsLatest() throws IOException {
        Checkpoints checkpoints = new Checkpoints(tmp, 2);
        checkpoints.save(TinyClassifier.network(1), TinyClassifier.metadata(), new TrainingState(0, 5, 5, 1.0, 1.0));
        // A crash while building the next one leaves only its temporary folder behind.
        Path building = Files.createDirectories(tmp.resolve(".ckpt-000000010-000-000010.building"));
        Files.writeString(building.resolve("state.json"), "{\"step\": 10");
        assertThat(checkpoints.latest().orElseThrow().state().step()).isEqualTo(5);
    }

    @Test
    void onlyTheNewestCheckpointsAreKept() throws IOException {
        Checkpoints checkpoints = new Checkpoints(tmp, 2);
        MultiLayerNetwork net = TinyClassifier.network(1);
        for (int step = 1; step <= 4; step++) {
            checkpoints.save(net, TinyClassifier.metadata(), new TrainingState(0, step, step, step, 0));
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ckpt-")).sorted())
                    .containsExactly("ckpt-000000003-000-000003", "ckpt-000000004-000-000004");
        }
    }

    @Test
    void anIncompleteCheckpointNamedByLatestIsAClearError() throws IOException {
        Checkpoints checkpoints = new Checkpoints(tmp, 2);
        Checkpoints.Checkpoint saved = checkpoints.save(TinyClassifier.network(1), TinyClassifier.metadata(),
                new TrainingState(0, 1, 1, 1, 1));
        Files.delete(saved.modelFile());
        assertThatThrownBy(checkpoints::latest).isInstanceOf(SuiteException.class).hasMessageContaining("incomplete");
    }
}
