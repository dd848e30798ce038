package org.dl4jsuite.common.train;

import java.io.PrintStream;
import java.util.Map;

/**
 * Training on the console: a line with the mean loss and throughput every {@code every} steps (or a terminal's
 * progress bar instead), a line for each step's evaluation, and one per epoch with its metrics.
 */
public final class ConsoleLog implements RunListener {
    private final int epochs;
    private final int every;
    private final StepProgress progress;
    private final PrintStream console;
    private final LossWindow interval = new LossWindow();
    private final LossWindow epoch = new LossWindow();
    private int batches;
    private String unit = "ex";

    /** Logs a run of {@code epochs} epochs every {@code every} steps on {@code console}, with {@code progress} shown. */
    public ConsoleLog(int epochs, int every, StepProgress progress, PrintStream console) {
        this.epochs = epochs;
        this.every = every;
        this.progress = progress;
        this.console = console;
    }

    @Override
    public void onEpochBegin(TrainingState state, int batchesInEpoch) {
        batches = batchesInEpoch;
        epoch.reset();
        progress.startEpoch(String.format("epoch %d/%d", state.epoch() + 1, epochs), batches, state.batchInEpoch());
    }

    @Override
    public void onStep(StepDone step) {
        TrainingState state = step.state();
        interval.add(step);
        epoch.add(step);
        unit = step.unit();
        progress.step(state.batchInEpoch(), step.loss(), step.seconds() > 0 ? step.examples() / step.seconds() : 0,
                step.unit());
        if (state.step() % every == 0) {
            if (!progress.replacesLogLines()) {
                console.printf("epoch %d/%d  step %d (%d/%d)  loss %.4f  %,.0f %s/s  %.1f s%n", state.epoch() + 1,
                        epochs, state.step(), state.batchInEpoch(), batches, interval.meanLoss(),
                        interval.examplesPerSecond(), step.unit(), state.wallSeconds());
            }
            interval.reset();
        }
        if (!step.metrics().isEmpty()) {
            console.println(String.format("step %d  evaluation", state.step()) + figures(step.metrics()));
        }
    }

    @Override
    public void onEpochEnd(EpochDone done) {
        progress.close();
        console.println(String.format("epoch %d/%d done  train loss %.4f", done.epoch(), epochs, done.meanLoss())
                + figures(done.metrics()) + String.format("  %,.0f %s/s  %.1f s", epoch.examplesPerSecond(), unit,
                done.next().wallSeconds()));
    }

    @Override
    public void onTrainingEnd(TrainingLoop.Result result) {
        progress.close();
    }

    private static String figures(Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder();
        metrics.forEach((k, v) -> line.append(String.format("  %s %.4f", k, v)));
        return line.toString();
    }
}
