package org.dl4jsuite.distributed;

import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The distributed command line: LeNet-5 on Spark ({@code spark-lenet}) and with ParallelWrapper ({@code parallel-lenet}). */
@Command(name = "distributed", mixinStandardHelpOptions = true, version = "distributed 0.1.0",
        description = "LeNet-5 trained on Apache Spark (dl4j-spark, parameter averaging) or on every local core "
                + "(ParallelWrapper); runs are lenet-mnist runs: `lenet-mnist evaluate --model RUN/model.zip`.",
        subcommands = {SparkLeNetCommand.class, ParallelLeNetCommand.class})
public final class DistributedCommand {
    public static void main(String[] args) {
        SuiteCli.main(new DistributedCommand(), args);
    }
}
