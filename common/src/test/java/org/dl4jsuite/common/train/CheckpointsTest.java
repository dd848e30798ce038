package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.model.ModelFile;
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
    void whenTheOnlyCheckpointIsIncompleteThatIsAClearError() throws IOException {
        Checkpoints checkpoints = new Checkpoints(tmp, 2);
        Checkpoints.Checkpoint saved = checkpoints.save(TinyClassifier.network(1), TinyClassifier.metadata(),
                new TrainingState(0, 1, 1, 1, 1));
        Files.delete(saved.modelFile());
        assertThatThrownBy(checkpoints::latest).isInstanceOf(SuiteException.class).hasMessageContaining("incomplete")
                .hasMessageContaining("every checkpoint");
    }

    @Test
    void aDamagedNewestCheckpointGivesWayToTheOlderIntactOne() throws IOException {
        Checkpoints checkpoints = new Checkpoints(tmp, 3);
        MultiLayerNetwork net = TinyClassifier.network(1);
        checkpoints.save(net, TinyClassifier.metadata(), new TrainingState(0, 5, 5, 1, 1));
        Checkpoints.Checkpoint newest = checkpoints.save(net, TinyClassifier.metadata(), new TrainingState(0, 10, 10, 1, 1));
        // A model.zip cut short (a disk that filled up, a copy interrupted): not a zip any more.
        byte[] zip = Files.readAllBytes(newest.modelFile());
        Files.write(newest.modelFile(), java.util.Arrays.copyOf(zip, zip.length / 2));
        java.util.List<String> said = new java.util.ArrayList<>();
        Checkpoints.Checkpoint chosen = checkpoints.latest(said::add).orElseThrow();
        assertThat(chosen.state().step()).isEqualTo(5);
        assertThat(String.join("\n", said)).contains("skipping a damaged checkpoint").contains("ckpt-000000010")
                .contains("using the older checkpoint ckpt-000000005");
        // A newest checkpoint whose state.json is not JSON is passed over alike.
        Files.writeString(newest.directory().resolve("state.json"), "{\"step\": ");
        Files.write(newest.modelFile(), zip);
        assertThat(checkpoints.latest().orElseThrow().state().step()).isEqualTo(5);
    }
}
