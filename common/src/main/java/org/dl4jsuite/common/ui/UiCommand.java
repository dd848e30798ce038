package org.dl4jsuite.common.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ui RUN_DIR}: serves a finished (or running) run's recorded stats in DL4J's training UI. */
@Command(name = "ui", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serve the training UI stats a run recorded with train --ui, until Ctrl-C.")
public final class UiCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run folder trained with --ui.")
    Path run;

    @Option(names = "--port", description = "The port on localhost.")
    int port = TrainingUi.DEFAULT_PORT;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after SECONDS (0: serve until Ctrl-C).")
    long seconds;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (TrainingUi ui = TrainingUi.replay(run, port)) {
            Thread hook = new Thread(stopped::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            System.out.println("training UI " + ui.url() + " for " + run + (seconds > 0 ? " for " + seconds + " s"
                    : "; Ctrl-C stops it"));
            if (seconds > 0) {
                stopped.await(seconds, TimeUnit.SECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stopped.await();
            }
        }
        return 0;
    }
}
