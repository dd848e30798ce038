package org.dl4jsuite.distributed;

import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.TrainingSession;
import org.dl4jsuite.lenet.LeNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-lenet}: LeNet-5's training with each step a parameter-averaging round on Spark ({@code SparkDl4jMultiLayer}). */
@Command(name = "spark-lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 on Apache Spark (dl4j-spark parameter averaging); writes "
                + "runs/lenet-mnist-spark/<time>/, a lenet-mnist run (evaluate, predict, attack read its model.zip).")
public final class SparkLeNetCommand implements Callable<Integer> {
    /** The module name of Spark runs' folders. */
    public static final String MODULE = "lenet-mnist-spark";

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    LeNetConfig config = new LeNetConfig();

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Mixin
    ReplicatedLeNet replicated = new ReplicatedLeNet();

    @Override
    public Integer call() {
        DistributedUi.refuse(options, "lenet-mnist train");
        // Checked before the run folder exists: an unreachable master leaves nothing behind.
        spark.check();
        return TrainingSession.train(MODULE, options, config, LeNetConfig.class,
                run -> replicated.of(run, spark.workers(), (network, settings) -> SparkAveragingStep.start(
                        spark.master(), "dl4j-suite " + MODULE, network, settings.workers(),
                        settings.averagingFrequency(), run.config().batchSize(), List.of())));
    }
}
