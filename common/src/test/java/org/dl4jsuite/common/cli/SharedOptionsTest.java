package org.dl4jsuite.common.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SharedOptionsTest {
    /** A command that reads a trained model and writes one file, as sample and evaluate do. */
    @Command(name = "use", mixinStandardHelpOptions = true, showDefaultValues = true)
    static final class UsesAModel implements Callable<Integer> {
        @Mixin
        ModelFileOption model = new ModelFileOption();
        @Mixin
        OutputFileOption output = new OutputFileOption();

        @Override
        public Integer call() {
            return 0;
        }
    }

    /** A command that makes a run folder, as attack and sweep do. */
    @Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true)
    static final class MakesARun implements Callable<Integer> {
        @Mixin
        RunsDirOption runs = new RunsDirOption();

        @Override
        public Integer call() {
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return SuiteCli.execute(command, new PrintWriter(err, true), args);
    }

    @Test
    void modelIsRequiredAndNamesTheFile() {
        assertThat(run(new UsesAModel())).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).contains("Missing required option: '--model=FILE'");
        UsesAModel command = new UsesAModel();
        assertThat(run(command, "--model", "m.zip", "--output", "o.txt")).isZero();
        assertThat(command.model.path()).isEqualTo(Path.of("m.zip"));
        assertThat(command.output.orElse(null)).isEqualTo(Path.of("o.txt"));
    }

    @Test
    void outIsAlwaysTheRunsFolderNeverAnOutputFile() {
        assertThat(run(new UsesAModel(), "--model", "m.zip", "--out", "o.txt")).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(err.toString()).contains("Unknown options: '--out', 'o.txt'");
        MakesARun defaults = new MakesARun();
        assertThat(run(defaults)).isZero();
        assertThat(defaults.runs.dir()).isEqualTo(Path.of("runs"));
        MakesARun given = new MakesARun();
        assertThat(run(given, "--out", "elsewhere")).isZero();
        assertThat(given.runs.dir()).isEqualTo(Path.of("elsewhere"));
    }
}
