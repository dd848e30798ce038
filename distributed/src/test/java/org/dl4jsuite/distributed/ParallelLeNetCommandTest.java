package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** {@code parallel-lenet} end to end with two ParallelWrapper workers on real MNIST. */
class ParallelLeNetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void twoWorkersTrainAndTheModelIsALeNetRun() throws IOException {
        String mnist = SharedData.dir().resolve("mnist").toString();
        Path out = tmp.resolve("runs");
        CliOutcome result = CliOutcome.run(new DistributedCommand(), "parallel-lenet", "--workers", "2",
                "--averaging-frequency", "2", "--data-dir", mnist, "--out", out.toString(), "--max-steps", "20",
                "--log-every", "5", "--lr", "0.003");
        assertThat(result.code()).as(result.err()).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve(ParallelLeNetCommand.MODULE))) {
            run = runs.findFirst().orElseThrow();
        }
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "step");
        double firstLoss = ((Number) steps.get(0).get("loss")).doubleValue();
        double lastLoss = ((Number) steps.get(steps.size() - 1).get("loss")).doubleValue();
        System.out.printf("parallel-lenet 2 workers, 20 rounds of 4 batches: loss %.3f -> %.3f%n", firstLoss, lastLoss);
        assertThat(lastLoss).isLessThan(firstLoss * 0.8);
        CliOutcome evaluated = CliOutcome.run(new LeNetCommand(), "evaluate", "--model", run.resolve("model.zip").toString(),
                "--data-dir", mnist);
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
    }
}
