package org.dl4jsuite.distributed;

import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The distributed command line: LeNet-5 and the word LM on Spark ({@code spark-lenet}, {@code spark-word-lm}), LeNet-5 with ParallelWrapper ({@code parallel-lenet}). */
@Command(name = "distributed", mixinStandardHelpOptions = true, version = "distributed 0.1.0",
        description = "LeNet-5 and the word LM trained on Apache Spark (dl4j-spark, parameter averaging), LeNet-5 on every local core "
                + "(ParallelWrapper); runs are lenet-mnist and word-lm runs (their model.zip reads as theirs).",
        subcommands = {SparkLeNetCommand.class, SparkWordLmCommand.class, ParallelLeNetCommand.class})
public final class DistributedCommand {
    public static void main(String[] args) {
        SuiteCli.main(new DistributedCommand(), args);
    }
}
