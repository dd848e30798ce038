package org.dl4jsuite.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class SuiteCliTest {
    /** A command shaped like every module's train command. */
    @Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true)
    static final class TrainLike implements Callable<Integer> {
        @Mixin
        TrainingOptions options = new TrainingOptions();
        @Mixin
        LikeConfig config = new LikeConfig();
        String failWith;

        @Override
        public Integer call() {
            config.validate();
            options.toRunOptions();
            if (failWith != null) {
                throw new SuiteException(failWith);
            }
            return 0;
        }
    }

    /** A closed choice, as the modules' --dataset and --net are. */
    enum Shape { ROUND, SQUARE_ISH }

    /** A module configuration: seven epochs by default. */
    static final class LikeConfig extends TrainConfig {
        @Option(names = "--shape", description = "round or square-ish.")
        Shape shape = Shape.ROUND;

        LikeConfig() {
            super(7, 10);
        }

        @Override
        protected void check() {
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
        assertThat(parsed.config.epochs()).isEqualTo(7);
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
        assertThat(err.toString()).contains("--epochs must be positive");
    }

    @Test
    void aClosedChoiceIsTypedInLowerCaseWithDashesAndAWrongOneNamesTheChoices() {
        TrainLike command = new TrainLike();
        assertThat(run(command, "--shape", "square-ish")).isZero();
        assertThat(command.config.shape).isEqualTo(Shape.SQUARE_ISH);
        assertThat(run(new TrainLike(), "--shape", "oval")).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).startsWith("error: ").contains("'oval' is not one of: round, square-ish");
    }

    @Test
    void anArgumentStartingWithAtIsAValueNotAnArgumentFile() {
        // picocli would read '@/' as a file of arguments and fail inside itself (OptionListsFuzzTest's finding).
        assertThat(run(new TrainLike(), "--shape", "@/")).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).contains("'@/' is not one of: round, square-ish");
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

    /** The train options and a configuration bundled in one mixin, as word-lm's are for two commands. */
    static final class Bundle {
        @Mixin
        TrainingOptions options = new TrainingOptions();
        @Mixin
        LikeConfig config = new LikeConfig();
    }

    @Command(name = "train")
    static final class BundledTrainLike implements Callable<Integer> {
        @Mixin
        Bundle bundle = new Bundle();

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void theOptionsKnowWhetherEpochsWereGivenAlsoInsideABundle() {
        TrainLike given = new TrainLike();
        assertThat(run(given, "--resume", "--epochs", "3")).isZero();
        assertThat(given.options.epochsGiven()).isTrue();
        TrainLike defaulted = new TrainLike();
        assertThat(run(defaulted, "--resume")).isZero();
        assertThat(defaulted.options.epochsGiven()).isFalse();
        BundledTrainLike bundled = new BundledTrainLike();
        assertThat(run(bundled, "--epochs", "2")).isZero();
        assertThat(bundled.bundle.options.epochsGiven()).isTrue();
        BundledTrainLike bundledDefault = new BundledTrainLike();
        assertThat(run(bundledDefault)).isZero();
        assertThat(bundledDefault.bundle.options.epochsGiven()).isFalse();
    }
}
