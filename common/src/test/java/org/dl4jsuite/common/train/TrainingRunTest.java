package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run folder's life: nothing left by a run that never trained, no metrics logged twice across a resume. */
class TrainingRunTest {
    /** A stand-in for a module's configuration: three epochs by default. */
    static final class TinyConfig extends TrainConfig {
        int hidden = 16;

        TinyConfig() {
            super(3, 1);
        }

        TinyConfig epochs(int n) {
            epochs = n;
            return this;
        }

        @Override
        protected void check() {
        }
    }

    @TempDir
    Path tmp;
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private RunOptions options(String resume, long maxSteps) {
        return new RunOptions(tmp.resolve("data"), tmp.resolve("runs"), 7, maxSteps, 0, resume, 5);
    }

    private long runFolders() throws Exception {
        Path module = tmp.resolve("runs/test");
        if (!Files.isDirectory(module)) {
            return 0;
        }
        try (Stream<Path> runs = Files.list(module)) {
            return runs.count();
        }
    }

    @Test
    void aRunThatFailsBeforeItsFirstStepLeavesNoFolder() throws Exception {
        assertThatThrownBy(() -> {
            try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(null, 0), new TinyConfig(), TinyConfig.class,
                    false, quiet)) {
                assertThat(run.directory().file("config.json")).exists();
                throw new SuiteException("dataset not found");
            }
        }).hasMessage("dataset not found");
        assertThat(runFolders()).isZero();
        assertThatThrownBy(() -> TrainingRun.start("test", options("latest", 0), new TinyConfig(), TinyConfig.class, false, quiet))
                .isInstanceOf(SuiteException.class).hasMessageContaining("nothing to resume");
    }

    private static TrainingLoop.Result train(TrainingRun<TinyConfig> run, MultiLayerNetwork net) {
        Training<BatchSource> training = new Training<>(net, TinyClassifier.data(200, 16, 7), new FeedForwardStep(net),
                List.of(), List.of(), TinyClassifier.metadata(), (result, file) -> "");
        return TrainingSession.train(run, training, null, StopSignal.manual());
    }

    @Test
    void aResumedRunDropsTheRecordsLoggedAfterItsCheckpoint() throws Exception {
        Path folder;
        try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(null, 8), new TinyConfig(), TinyConfig.class,
                false, quiet)) {
            folder = run.directory().path();
            train(run, TinyClassifier.network(7));
        }
        // Checkpoints at steps 5 and 8 (--max-steps); losing the newest is a crash after step 8's log line.
        Path checkpoints = folder.resolve("checkpoints");
        try (Stream<Path> all = Files.list(checkpoints)) {
            for (Path p : all.filter(p -> p.getFileName().toString().startsWith("ckpt-000000008")).toList()) {
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.delete(checkpoints.resolve(Checkpoints.LATEST));
        assertThat(MetricsLog.ofType(MetricsLog.read(folder.resolve("metrics.jsonl")), "step")).hasSize(8);

        try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(folder.toString(), 12), new TinyConfig(),
                TinyConfig.class, false, quiet)) {
            assertThat(run.startState().step()).isEqualTo(5);
            MultiLayerNetwork net = ModelFile.loadMultiLayer(run.resumeFrom().orElseThrow().modelFile(), "test", true);
            train(run, net);
        }
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(folder.resolve("metrics.jsonl")), "step");
        assertThat(steps.stream().map(r -> ((Number) r.get("step")).intValue()).toList())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(runFolders()).isEqualTo(1);
    }

    @Test
    void aResumedRunKeepsItsRecordedEpochsUnlessEpochsAreGiven() throws Exception {
        Path folder;
        try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(null, 2), new TinyConfig().epochs(4),
                TinyConfig.class, false, quiet)) {
            folder = run.directory().path();
            train(run, TinyClassifier.network(7));
        }
        try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(folder.toString(), 0), new TinyConfig(),
                TinyConfig.class, false, quiet)) {
            assertThat(run.config().epochs()).isEqualTo(4);
            assertThat(run.config().epochs()).isEqualTo(4);
        }
        try (TrainingRun<TinyConfig> run = TrainingRun.start("test", options(folder.toString(), 0),
                new TinyConfig().epochs(9), TinyConfig.class, true, quiet)) {
            assertThat(run.config().epochs()).isEqualTo(9);
            assertThat(run.config().epochs()).isEqualTo(9);
        }
    }
}
