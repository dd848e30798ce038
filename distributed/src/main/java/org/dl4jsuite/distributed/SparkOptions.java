package org.dl4jsuite.distributed;

import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** Where a Spark command trains: {@code --master} and {@code --workers}, declared once for every Spark command. */
public final class SparkOptions {
    @Option(names = "--master", defaultValue = "${sys:spark.master:-local[2]}",
            description = "Spark master: local[N] (N worker threads here), spark://HOST:PORT, yarn, k8s://...; "
                    + "under spark-submit, its --master")
    String master;

    @Option(names = "--workers", defaultValue = "0",
            description = "workers the data is split over (executor cores in all); 0 = local[N]'s N")
    int workers;

    private SparkMaster parsed;

    /**
     * Parses and checks the master (a standalone one must answer) before the run folder exists, so bad input
     * leaves nothing behind; returns it.
     */
    public SparkMaster check() {
        parsed = SparkMaster.parse(master);
        if (workers == 0 && !parsed.isLocal()) {
            throw new SuiteException("--master " + master + " is a cluster: give --workers, the executor cores the "
                    + "data is split over (e.g. executors × spark.executor.cores)");
        }
        return parsed;
    }

    /** The master checked by {@link #check}. */
    public SparkMaster master() {
        if (parsed == null) {
            throw new IllegalStateException("check() first");
        }
        return parsed;
    }

    /** The workers the data is split over: --workers, else local[N]'s N. */
    public int workers() {
        return workers > 0 ? workers : master().localWorkers();
    }
}
