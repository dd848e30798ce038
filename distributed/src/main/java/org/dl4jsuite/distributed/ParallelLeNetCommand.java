package org.dl4jsuite.distributed;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.lenet.LeNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parallel-lenet}: LeNet-5 trained on this machine's cores (or GPUs) by DL4J's ParallelWrapper. */
@Command(name = "parallel-lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 with ParallelWrapper (one replica per worker thread or GPU, parameters averaged); "
                + "writes runs/lenet-mnist-parallel/<time>/, a lenet-mnist run.")
public final class ParallelLeNetCommand extends ReplicatedTrainCommand {
    /** The module name of ParallelWrapper runs' folders. */
    public static final String MODULE = "lenet-mnist-parallel";

    @Option(names = "--workers", defaultValue = "2",
            description = "replicas trained side by side (threads, or GPUs; at least 2)")
    int workers;

    public ParallelLeNetCommand() {
        super(MODULE);
    }

    @Override
    protected LeNetConfig requested() {
        if (workers < 2) {
            throw new SuiteException("--workers must be 2 or more for ParallelWrapper (DL4J refuses fewer), got "
                    + workers + "; one worker is plain training: lenet-mnist train");
        }
        return super.requested();
    }

    @Override
    int workers() {
        return workers;
    }

    @Override
    ParallelWrapperStep start(MultiLayerNetwork net, WorkerSettings settings, int batchSize) {
        return new ParallelWrapperStep(net, settings, batchSize);
    }
}
