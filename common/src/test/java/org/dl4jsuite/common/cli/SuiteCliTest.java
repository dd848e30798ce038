package org.dl4jsuite.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SuiteCliTest {
    /** A command shaped like every module's train command. */
    @Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true)
    static final class TrainLike implements Callable<Integer>, ModuleDefaults {
        @Mixin
        TrainingOptions options = new TrainingOptions();
        String failWith;

        @Override
        public Map<String, String> optionDefaults() {
            return Map.of("--epochs", "7");
        }

        @Override
        public Integer call() {
            options.toRunOptions();
            if (failWith != null) {
                throw new SuiteException(failWith);
            }
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return SuiteCli.execute(command, new PrintWriter(err, true), args);
    }

    @Test
    void helpListsEverySharedOptionWithItsDefaultIncludingModuleDefaults() {
        String help = SuiteCli.commandLine(new TrainLike()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("--data-dir", "--out", "--seed", "--max-steps", "--threads", "--resume",
                "--checkpoint-every");
        assertThat(help).containsPattern("--epochs=<epochs>\\s+Training epochs\\.\\s+Default: 7");
        assertThat(help).contains("Default: 42").contains("Default: runs");
        TrainLike parsed = new TrainLike();
        assertThat(run(parsed)).isZero();
        assertThat(parsed.options.toRunOptions().epochs()).isEqualTo(7);
        assertThat(parsed.options.toRunOptions().seed()).isEqualTo(42);
    }

    @Test
    void aUserErrorIsOneLineWithExitCodeTwoAndNoStackTrace() {
        TrainLike command = new TrainLike();
        command.failWith = "dataset not found in /nowhere; pass --data-dir";
        assertThat(run(command)).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).contains("error: dataset not found in /nowhere; pass --data-dir")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void invalidSharedOptionValuesAreUserErrors() {
        assertThat(run(new TrainLike(), "--epochs", "0")).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).contains("--epochs must be at least 1");
    }

    @Test
    void anUnknownOptionShowsUsageAndFails() {
        assertThat(run(new TrainLike(), "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Usage:");
    }

    @Test
    void bareResumeMeansTheLatestRun() {
        TrainLike command = new TrainLike();
        assertThat(run(command, "--resume")).isZero();
        assertThat(command.options.toRunOptions().resume()).isEqualTo("latest");
    }
}
