package org.dl4jsuite.distributed;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.TrainingSession;
import org.dl4jsuite.lenet.LeNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallel-lenet}: LeNet-5's training with each step an averaging round of DL4J's ParallelWrapper on this machine. */
@Command(name = "parallel-lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 with ParallelWrapper (one replica per worker thread or GPU, parameters averaged); "
                + "writes runs/lenet-mnist-parallel/<time>/, a lenet-mnist run.")
public final class ParallelLeNetCommand implements Callable<Integer> {
    /** The module name of ParallelWrapper runs' folders. */
    public static final String MODULE = "lenet-mnist-parallel";

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    LeNetConfig config = new LeNetConfig();

    @Mixin
    ReplicatedLeNet replicated = new ReplicatedLeNet();

    @Option(names = "--workers", defaultValue = "2",
            description = "replicas trained side by side (threads, or GPUs; at least 2)")
    int workers;

    @Override
    public Integer call() {
        DistributedUi.refuse(options, "lenet-mnist train");
        if (workers < 2) {
            throw new SuiteException("--workers must be 2 or more for ParallelWrapper (DL4J refuses fewer), got "
                    + workers + "; one worker is plain training: lenet-mnist train");
        }
        return TrainingSession.train(MODULE, options, config, LeNetConfig.class,
                run -> replicated.of(run, workers, (network, settings) -> new ParallelWrapperStep(network, settings,
                        run.config().batchSize())));
    }
}
