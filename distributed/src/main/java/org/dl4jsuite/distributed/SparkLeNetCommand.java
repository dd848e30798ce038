package org.dl4jsuite.distributed;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.lenet.LeNetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spark-lenet}: LeNet-5 trained on Spark by {@code SparkDl4jMultiLayer} with parameter averaging. */
@Command(name = "spark-lenet", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 on Apache Spark (dl4j-spark parameter averaging); writes "
                + "runs/lenet-mnist-spark/<time>/, a lenet-mnist run (evaluate, predict, attack read its model.zip).")
public final class SparkLeNetCommand extends ReplicatedTrainCommand {
    /** The module name of Spark runs' folders. */
    public static final String MODULE = "lenet-mnist-spark";

    @Option(names = "--master", defaultValue = "${sys:spark.master:-local[2]}",
            description = "Spark master: local[N] (N worker threads here), spark://HOST:PORT, yarn, k8s://...; "
                    + "under spark-submit, its --master")
    String master;

    @Option(names = "--workers", defaultValue = "0",
            description = "workers the data is split over (executor cores in all); 0 = local[N]'s N")
    int workers;

    private SparkMaster parsed;

    public SparkLeNetCommand() {
        super(MODULE);
    }

    @Override
    protected LeNetConfig requested() {
        // Checked before the run folder exists: an unreachable master leaves nothing behind.
        parsed = SparkMaster.parse(master);
        if (workers == 0 && !parsed.isLocal()) {
            throw new SuiteException("--master " + master + " is a cluster: give --workers, the executor cores the "
                    + "data is split over (e.g. executors × spark.executor.cores)");
        }
        return super.requested();
    }

    @Override
    int workers() {
        return workers > 0 ? workers : parsed.localWorkers();
    }

    @Override
    SparkAveragingStep start(MultiLayerNetwork net, WorkerSettings settings, int batchSize) {
        return SparkAveragingStep.start(parsed, "dl4j-suite " + MODULE, net, settings, batchSize);
    }
}
