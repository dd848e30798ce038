package org.dl4jsuite.distributed;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingRun;
import org.dl4jsuite.lenet.LeNetConfig;
import org.dl4jsuite.lenet.LeNetTraining;
import picocli.CommandLine.Option;

/**
 * LeNet-5's training ({@link LeNetTraining}: the same data, run folder, checkpoints, metrics, report and model zip)
 * with each step one averaging round over replicas of the network, which an engine (Spark, ParallelWrapper) trains.
 * The driver's network is the one checkpointed, so {@code lenet-mnist evaluate} reads the result. Also the
 * {@code --averaging-frequency} option of the commands that use it.
 */
public final class ReplicatedLeNet {
    /** Starts an engine that trains {@code network}'s replicas with {@code settings}; the run closes it. */
    @FunctionalInterface
    public interface Engine {
        ReplicaStep start(MultiLayerNetwork network, WorkerSettings settings);
    }

    @Option(names = "--averaging-frequency", defaultValue = "5",
            description = "batches each worker trains between two averagings of parameters and updater state")
    int averagingFrequency;

    /**
     * LeNet-5's training in {@code run} on {@code workers} replicas, each step a round of this option's averaging
     * frequency on the engine that {@code engine} starts for the run's (recorded) worker settings.
     */
    public Training<GroupedBatches> of(TrainingRun<LeNetConfig> run, int workers,
                                       Engine engine) {
        Training<InMemoryBatches> single = LeNetTraining.of(run);
        WorkerSettings settings = WorkerSettings.forRun(run.directory(), new WorkerSettings(workers, averagingFrequency));
        System.out.printf("%d workers, averaging every %d batches of %d (one step = %d batches)%n",
                settings.workers(), settings.averagingFrequency(), run.config().batchSize(), settings.roundBatches());
        GroupedBatches rounds = new GroupedBatches(single.batches(), settings.roundBatches());
        return single.withBatches(rounds).withStep(engine.start(single.network(), settings));
    }
}
