package org.dl4jsuite.common.train;

/** Loss and throughput over the steps since it was last reset (a log interval, an epoch). */
final class LossWindow {
    private double lossSum;
    private int steps;
    private long examples;
    private double seconds;

    void add(RunListener.StepDone step) {
        lossSum += step.loss();
        steps++;
        examples += step.examples();
        seconds += step.seconds();
    }

    double meanLoss() {
        return steps == 0 ? Double.NaN : lossSum / steps;
    }

    double examplesPerSecond() {
        return seconds > 0 ? examples / seconds : 0;
    }

    void reset() {
        lossSum = 0;
        steps = 0;
        examples = 0;
        seconds = 0;
    }
}
