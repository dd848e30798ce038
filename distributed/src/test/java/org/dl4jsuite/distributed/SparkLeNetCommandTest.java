package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.lenet.LeNetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark-lenet} end to end on local[2] and real MNIST: training, the model in lenet-mnist, resume, bad input. */
class SparkLeNetCommandTest {
    @TempDir
    Path tmp;

    private final String mnist = SharedData.dir().resolve("mnist").toString();

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new DistributedCommand(), args);
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve(SparkLeNetCommand.MODULE))) {
            List<Path> all = runs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void trainsOnTwoLocalWorkersAndTheModelIsALeNetRunThatResumes() throws IOException {
        Path out = tmp.resolve("runs");
        CliOutcome first = cli("spark-lenet", "--master", "local[2]", "--averaging-frequency", "2", "--data-dir", mnist,
                "--out", out.toString(), "--max-steps", "12", "--log-every", "3", "--lr", "0.003");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 workers, averaging every 2 batches of 64 (one step = 4 batches)");
        Path run = onlyRun(out);
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "step");
        assertThat(steps).extracting(r -> r.get("step")).containsExactly(3.0, 6.0, 9.0, 12.0);
        double firstLoss = ((Number) steps.get(0).get("loss")).doubleValue();
        double lastLoss = ((Number) steps.get(3).get("loss")).doubleValue();
        System.out.printf("spark-lenet local[2], 12 rounds of 4 batches: loss %.3f -> %.3f%n", firstLoss, lastLoss);
        assertThat(lastLoss).isLessThan(firstLoss * 0.7);
        assertThat(run.resolve(WorkerSettings.FILE)).isRegularFile();

        CliOutcome evaluated = CliOutcome.run(new LeNetCommand(), "evaluate", "--model", run.resolve("model.zip").toString(),
                "--data-dir", mnist);
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("test accuracy");

        // Resumed with other worker settings: the run keeps its recorded ones, so its steps count the same rounds.
        CliOutcome resumed = cli("spark-lenet", "--master", "local[1]", "--data-dir", mnist, "--out", out.toString(),
                "--resume", run.toString(), "--max-steps", "15", "--log-every", "3", "--lr", "0.003");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming " + run + " from step 12", "keeps its 2 workers averaging every 2");
        assertThat(MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "step"))
                .extracting(r -> r.get("step")).containsExactly(3.0, 6.0, 9.0, 12.0, 15.0);
    }

    @Test
    void anUnreachableMasterIsOneMessageAndLeavesNoRunFolder() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Path out = tmp.resolve("runs");
        CliOutcome result = cli("spark-lenet", "--master", "spark://127.0.0.1:" + freePort, "--workers", "2",
                "--data-dir", mnist, "--out", out.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("cannot reach the Spark master spark://127.0.0.1:" + freePort,
                "--master local[N]").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void badMastersAndOptionsAreOneMessageEach() {
        assertUserError(cli("spark-lenet", "--master", "locale[2]"), "is not a Spark master URL");
        assertUserError(cli("spark-lenet", "--master", "local[0]"), "must be 1 or more");
        assertUserError(cli("spark-lenet", "--master", "spark://nohost"), "is not HOST:PORT");
        assertUserError(cli("spark-lenet", "--master", "yarn"), "give --workers");
        assertUserError(cli("spark-lenet", "--averaging-frequency", "0", "--data-dir", mnist, "--out",
                tmp.resolve("o").toString()), "--averaging-frequency must be positive");
        assertUserError(cli("parallel-lenet", "--ui"), "--ui is not available for distributed training");
        assertUserError(cli("parallel-lenet", "--workers", "1", "--out", tmp.resolve("o1").toString()),
                "--workers must be 2 or more for ParallelWrapper");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertUserError(cli("spark-lenet", "--data-dir", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("o").toString()), "nowhere");
    }

    private static void assertUserError(CliOutcome result, String message) {
        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }
}
