package org.dl4jsuite.lenet;

import org.dl4jsuite.common.ui.UiCommand;
import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The lenet-mnist command line: summary, train, sweep, evaluate and predict. */
@Command(name = "lenet-mnist", mixinStandardHelpOptions = true, version = "lenet-mnist 0.1.0",
        description = "LeNet-5 on MNIST and Fashion-MNIST with DL4J.",
        subcommands = {SummaryCommand.class, TrainCommand.class, SweepCommand.class, EvaluateCommand.class,
            PredictCommand.class, UiCommand.class})
public final class LeNetCommand {
    /** The module name used for run folders and model files. */
    public static final String MODULE = "lenet-mnist";

    public static void main(String[] args) {
        SuiteCli.main(new LeNetCommand(), args);
    }
}
