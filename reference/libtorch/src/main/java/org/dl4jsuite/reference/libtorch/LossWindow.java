package org.dl4jsuite.reference.libtorch;

/**
 * The mean loss and the rate (tokens or examples per second) of the steps since it was last reset: one log line's
 * (or one epoch's) figures.
 */
final class LossWindow {
    private double loss;
    private int steps;
    private long tokens;
    private double seconds;

    void add(double stepLoss, long stepTokens, double stepSeconds) {
        loss += stepLoss;
        steps++;
        tokens += stepTokens;
        seconds += stepSeconds;
    }

    double meanLoss() {
        return loss / steps;
    }

    double perSecond() {
        return tokens / seconds;
    }

    int steps() {
        return steps;
    }

    void reset() {
        loss = 0;
        steps = 0;
        tokens = 0;
        seconds = 0;
    }
}
