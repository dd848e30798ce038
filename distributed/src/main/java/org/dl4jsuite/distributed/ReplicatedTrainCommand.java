package org.dl4jsuite.distributed;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.train.BatchSource;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.train.TrainingRun;
import org.dl4jsuite.lenet.LeNetConfig;
import org.dl4jsuite.lenet.TrainCommand;
import picocli.CommandLine.Option;

/**
 * LeNet-5's {@code train} (every option, the same data, run folder, checkpoints, metrics, report and model zip)
 * with each step one averaging round over several replicas of the network; a subclass says where the replicas
 * run. The driver's network is the one checkpointed, so {@code lenet-mnist evaluate} reads the result.
 */
abstract class ReplicatedTrainCommand extends TrainCommand {
    @Option(names = "--averaging-frequency", defaultValue = "5",
            description = "batches each worker trains between two averagings of parameters and updater state")
    int averagingFrequency;

    private WorkerSettings settings;

    ReplicatedTrainCommand(String module) {
        super(module);
    }

    /** The replicas to train: --workers, or what the engine's own setting implies. */
    abstract int workers();

    /** Starts the engine for {@code net} with {@code settings}; the step it returns is also closed after the run. */
    abstract ReplicaStep start(MultiLayerNetwork net, WorkerSettings settings, int batchSize);

    @Override
    protected LeNetConfig requested() {
        DistributedUi.refuse(options, "lenet-mnist train");
        return super.requested();
    }

    @Override
    protected final Trainer.Step step(MultiLayerNetwork net, TrainingRun<LeNetConfig> run) {
        settings = WorkerSettings.forRun(run.directory(), new WorkerSettings(workers(), averagingFrequency));
        System.out.printf("%d workers, averaging every %d batches of %d (one step = %d batches)%n",
                settings.workers(), settings.averagingFrequency(), run.config().batchSize(), settings.roundBatches());
        return start(net, settings, run.config().batchSize());
    }

    @Override
    protected final BatchSource batches(InMemoryBatches batches, TrainingRun<LeNetConfig> run) {
        return new GroupedBatches(batches, settings.roundBatches());
    }
}
