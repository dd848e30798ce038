package org.dl4jsuite.bench;

import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The benchmark harness's command line ({@code ./suite bench ...}). */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "bench 0.1.0",
        description = "Benchmark tools: time the AlexNet attack loop, compare runs of the suite and of the PyTorch reference, count a model's "
                + "training FLOPs, measure the sgemm peak, summarise profiles.",
        subcommands = {AttackLoopCommand.class, CompareCommand.class, FlopsCommand.class, OneDnnCommand.class, ProfileCommand.class,
                SoakReportCommand.class,
                SgemmCommand.class})
public final class BenchCommand {
    public static void main(String[] args) {
        SuiteCli.main(new BenchCommand(), args);
    }
}
