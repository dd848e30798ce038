package org.dl4jsuite.distributed;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.lenet.LeNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-lenet}: LeNet-5 trained on Spark by {@code SparkDl4jMultiLayer} with parameter averaging. */
@Command(name = "spark-lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 on Apache Spark (dl4j-spark parameter averaging); writes "
                + "runs/lenet-mnist-spark/<time>/, a lenet-mnist run (evaluate, predict, attack read its model.zip).")
public final class SparkLeNetCommand extends ReplicatedTrainCommand {
    /** The module name of Spark runs' folders. */
    public static final String MODULE = "lenet-mnist-spark";

    @Mixin
    SparkOptions spark = new SparkOptions();

    public SparkLeNetCommand() {
        super(MODULE);
    }

    @Override
    protected LeNetConfig requested() {
        // Checked before the run folder exists: an unreachable master leaves nothing behind.
        spark.check();
        return super.requested();
    }

    @Override
    int workers() {
        return spark.workers();
    }

    @Override
    SparkAveragingStep start(MultiLayerNetwork net, WorkerSettings settings, int batchSize) {
        return SparkAveragingStep.start(spark.master(), "dl4j-suite " + MODULE, net, settings.workers(),
                settings.averagingFrequency(), batchSize, List.of());
    }
}
