package org.dl4jsuite.common.train;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.dl4jsuite.common.cli.OptionChecks;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * A module's training configuration, declared once: each subclass is the picocli mixin of its
 * {@code train} command (one annotated field per option, its initial value the default that
 * reproduces the reference) and is what {@code config.json} records and {@code --resume} reads back.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public abstract class TrainConfig {
    @Option(names = "--epochs", description = "Training epochs.")
    int epochs;

    @Option(names = "--log-every", paramLabel = "STEPS", description = "Print and record the training loss every STEPS steps.")
    int logEvery;

    /** A configuration whose defaults are {@code epochs} and a log line every {@code logEvery} steps. */
    protected TrainConfig(int epochs, int logEvery) {
        this.epochs = epochs;
        this.logEvery = logEvery;
    }

    /**
     * {@code config} with {@code options} applied as they would be on the command line (e.g.
     * {@code "--batch-size", "4"}), checked: how code and tests make a configuration other than the defaults.
     */
    public static <C extends TrainConfig> C with(C config, String... options) {
        new CommandLine(config).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(options);
        config.validate();
        return config;
    }

    public int epochs() {
        return epochs;
    }

    public int logEvery() {
        return logEvery;
    }

    /** Checks every value, failing with a user error that names the option. */
    public final void validate() {
        OptionChecks.positive("--epochs", epochs);
        OptionChecks.positive("--log-every", logEvery);
        check();
    }

    /** Checks the module's own values (see {@link OptionChecks}). */
    protected abstract void check();
}
