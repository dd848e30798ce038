package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code train}: trains LeNet-5 ({@link LeNetTraining}), reports per-epoch loss and test accuracy, writes plots, report and model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 (Adam, cross-entropy); writes runs/lenet-mnist/<time>/.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    LeNetConfig config = new LeNetConfig();

    @Override
    public Integer call() {
        return TrainingSession.train(LeNetCommand.MODULE, options, config, LeNetConfig.class, LeNetTraining::of);
    }

    /** The --data-dir this command was given, or null (a sweep reads its test set from the same place). */
    Path dataDir() {
        return options.dataDir();
    }
}
