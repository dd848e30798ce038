package org.dl4jsuite.common.train;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How the trainer shows its steps: on a terminal a progress bar per epoch (me.tongfei:progressbar, on stderr, with
 * the loss), in place of the per-step log lines; elsewhere (a file, a pipe, CI) the plain log lines alone.
 */
public interface StepProgress extends AutoCloseable {
    /** No bar: the log lines are the progress. */
    StepProgress LINES = new StepProgress() {
        @Override
        public boolean replacesLogLines() {
            return false;
        }
    };

    /** A bar when both standard input and output are a terminal (and DL4J_SUITE_PROGRESS is not 0), else lines. */
    static StepProgress forConsole() {
        boolean terminal = System.console() != null && !"0".equals(System.getenv("DL4J_SUITE_PROGRESS"));
        return terminal ? new Bar() : LINES;
    }

    /**
     * Runs {@code task} with {@code prefix} before every bar's name (a sweep puts its point's position and label
     * there); bars started by other threads meanwhile get it too.
     */
    static <T> T withTaskPrefix(String prefix, java.util.function.Supplier<T> task) {
        String before = Bar.taskPrefix;
        Bar.taskPrefix = prefix;
        try {
            return task.get();
        } finally {
            Bar.taskPrefix = before;
        }
    }

    /** Whether the per-step log lines stay off the console (they still go to metrics.jsonl). */
    boolean replacesLogLines();

    /** An epoch of {@code batches} steps starts, {@code done} of them already done (on resume). */
    default void startEpoch(String name, int batches, int done) {
    }

    /** A step finished: {@code done} of the epoch's steps, its loss and the unit rate. */
    default void step(int done, double loss, double rate, String unit) {
    }

    /** The epoch's bar is finished. */
    @Override
    default void close() {
    }

    /** The terminal bar. */
    final class Bar implements StepProgress {
        /** Put before every bar's name (see {@link StepProgress#withTaskPrefix}). */
        private static volatile String taskPrefix = "";

        private ProgressBar bar;

        @Override
        public boolean replacesLogLines() {
            return true;
        }

        @Override
        public void startEpoch(String name, int batches, int done) {
            close();
            bar = new ProgressBarBuilder().setTaskName(taskPrefix + name).setInitialMax(batches).startsFrom(done, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).build();
        }

        @Override
        public void step(int done, double loss, double rate, String unit) {
            if (bar != null) {
                bar.stepTo(done);
                bar.setExtraMessage(String.format(" loss %.4f  %,.0f %s/s", loss, rate, unit));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
