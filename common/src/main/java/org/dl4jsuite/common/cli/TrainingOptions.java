package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import org.dl4jsuite.common.train.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every {@code train} command shares, defined once (the module's own, {@code --epochs} among them, are its config). */
public final class TrainingOptions {
    /** The command (or option group) these options are mixed into, to see what its command line gave. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    ImplementationOption impl = new ImplementationOption();

    @Mixin
    RunsDirOption runs = new RunsDirOption();

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (weights, shuffling, dropout).")
    long seed;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "0",
            description = "Stop after N training steps in all (0 = no limit; for smoke runs).")
    long maxSteps;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads for ND4J (0 = all cores).")
    int threads;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "500",
            description = "Write a checkpoint every STEPS steps (and always at each epoch end).")
    int checkpointEvery;

    @Option(names = "--ui", paramLabel = "PORT", arity = "0..1", fallbackValue = "9000",
            description = "Serve DL4J's training UI on localhost:PORT (default 9000) while training; its stats go to "
                    + "ui-stats.bin in the run folder, which 'ui RUN_DIR' serves again later.")
    Integer ui;

    @Option(names = "--resume", paramLabel = "RUN_DIR", arity = "0..1", fallbackValue = "latest",
            description = "Continue a stopped run: its folder, or nothing for the latest run under --out.")
    String resume;

    /** The options as the training machinery takes them, validated; selects the {@code --impl} layer implementations. */
    public RunOptions toRunOptions() {
        impl.select();
        OptionChecks.notNegative("--max-steps", maxSteps, "no limit");
        OptionChecks.notNegative("--threads", threads, "all cores");
        OptionChecks.positive("--checkpoint-every", checkpointEvery);
        return new RunOptions(data.dataDir(), runs.dir(), seed, maxSteps, threads, resume, checkpointEvery);
    }

    /** Whether --epochs was given on the command line (a resumed run keeps its recorded epochs otherwise). */
    public boolean epochsGiven() {
        OptionSpec epochs = command == null ? null : command.findOption("--epochs");
        return epochs != null && !epochs.originalStringValues().isEmpty();
    }

    /** The --ui port, or empty without --ui. */
    public java.util.OptionalInt uiPort() {
        return ui == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ui);
    }

    /** The --data-dir value, or null. */
    public Path dataDir() {
        return data.dataDir();
    }
}
