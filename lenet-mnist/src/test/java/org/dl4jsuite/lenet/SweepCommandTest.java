package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.train.MetricsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sweep on MNIST: ordinary run folders per point, the report, and a stopped sweep that resumes. */
class SweepCommandTest {
    @TempDir
    Path tmp;

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new LeNetCommand(), args);
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void aSweepWritesEveryPointAndItsReportAndAStoppedSweepResumes() throws IOException {
        Path out = tmp.resolve("runs");
        CliOutcome first = cli("sweep", "--out", out.toString(), "--seeds", "1,2", "--net", "mlp", "--lr", "0.01,0.001",
                "--max-steps", "10", "--log-every", "5", "--checkpoint-every", "5", "--data-dir",
                SharedData.dir().resolve("mnist").toString());
        assertThat(first.code()).as(first.err()).isZero();
        Path sweep = only(out.resolve("lenet-mnist-sweep"));
        assertThat(sweep.resolve("points")).isDirectoryContaining(p -> p.getFileName().toString().equals("lr=0.01_seed=1"));
        try (Stream<Path> points = Files.list(sweep.resolve("points"))) {
            assertThat(points.count()).isEqualTo(4);
        }
        for (String file : List.of("summary.md", "per-class.md", "sweep.md", "loss-lr.png", "test_accuracy-lr.png")) {
            assertThat(sweep.resolve(file)).isNotEmptyFile();
        }
        String summary = Files.readString(sweep.resolve("summary.md"));
        assertThat(summary).contains("lr=0.01", "lr=0.001").containsPattern("\\|\\s+2 \\|").containsPattern("\\d+\\.\\d\\d% ± \\d+\\.\\d\\d");
        String perClass = Files.readString(sweep.resolve("per-class.md"));
        assertThat(perClass.lines().filter(l -> l.contains("configuration")).findFirst().orElseThrow()).containsPattern("\\|\\s*0\\s*\\|").containsPattern("\\|\\s*9\\s*\\|").contains("overall");
        assertThat(first.out()).contains("rank", "configuration");

        // A crash during the last point, after its step-5 checkpoint: no model, no step-10 checkpoint.
        Path last = only(sweep.resolve("points/lr=0.001_seed=2/lenet-mnist"));
        Files.delete(last.resolve("model.zip"));
        Path checkpoints = last.resolve("checkpoints");
        try (Stream<Path> all = Files.list(checkpoints)) {
            for (Path p : all.filter(p -> p.getFileName().toString().startsWith("ckpt-000000010")).toList()) {
                AtomicFiles.deleteTree(p);
            }
        }
        Files.deleteIfExists(checkpoints.resolve("LATEST"));
        CliOutcome resumed = cli("sweep", "--out", out.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("point 1/4  lr=0.01  seed 1: done", "point 4/4  lr=0.001  seed 2: resuming",
                "resuming " + last + " from step 5");
        assertThat(last.resolve("model.zip")).exists();
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(last.resolve("metrics.jsonl")), "step");
        assertThat(steps.stream().map(r -> ((Number) r.get("step")).intValue()).toList()).containsExactly(5, 10);
    }

    @Test
    void aBadPointIsRefusedBeforeAnythingRuns() throws IOException {
        Path out = tmp.resolve("bad");
        CliOutcome bad = cli("sweep", "--out", out.toString(), "--lr", "0.1,-1", "--max-steps", "5");
        assertThat(bad.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(bad.err()).contains("sweep point lr=-1: --lr must be a positive number");
        try (Stream<Path> runs = Files.walk(out)) {
            assertThat(runs.filter(p -> p.getFileName().toString().equals("model.zip"))).isEmpty();
        }
        CliOutcome dataset = cli("sweep", "--out", out.toString(), "--dataset", "mnist,fashion");
        assertThat(dataset.err()).contains("sweep one dataset at a time");
    }
}
