package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --ui records the run's UI stats into its folder and serves them; ui RUN_DIR serves them again. */
class TrainingUiCommandTest {
    @TempDir
    Path tmp;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void trainWithUiRecordsTheStatsAndUiServesThemAgain() throws IOException {
        Path out = tmp.resolve("runs");
        int port = freePort();
        CliOutcome train = CliOutcome.run(new LeNetCommand(), "train", "--ui", Integer.toString(port), "--out",
                out.toString(), "--max-steps", "20", "--log-every", "10", "--data-dir",
                SharedData.dir().resolve("mnist").toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("training UI http://localhost:" + port + "/train/overview");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("lenet-mnist"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertThat(run.resolve("ui-stats.bin")).isNotEmptyFile();

        CliOutcome replay = CliOutcome.run(new LeNetCommand(), "ui", run.toString(), "--port",
                Integer.toString(freePort()), "--for", "1");
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("/train/overview for " + run);

        CliOutcome none = CliOutcome.run(new LeNetCommand(), "ui", tmp.toString(), "--for", "1");
        assertThat(none.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(none.err()).contains("has no ui-stats.bin; train with --ui to record one");
    }

    @Test
    void aPortInUseIsOneClearMessageAndLeavesNoRun() throws IOException {
        Path out = tmp.resolve("busy");
        try (ServerSocket taken = new ServerSocket(0)) {
            CliOutcome train = CliOutcome.run(new LeNetCommand(), "train", "--ui", Integer.toString(taken.getLocalPort()),
                    "--out", out.toString(), "--max-steps", "5", "--data-dir", SharedData.dir().resolve("mnist").toString());
            assertThat(train.code()).as(train.out()).isEqualTo(SuiteCli.USER_ERROR);
            assertThat(train.err()).contains("cannot start DL4J's UI server on port " + taken.getLocalPort())
                    .contains("pick another with --ui PORT").doesNotContain("\tat ");
        }
        try (Stream<Path> runs = Files.list(out.resolve("lenet-mnist"))) {
            assertThat(runs).isEmpty();
        }
    }
}
