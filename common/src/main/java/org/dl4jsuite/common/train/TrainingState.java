package org.dl4jsuite.common.train;

/**
 * Where training stands: the next epoch to run (0-based), how many of its batches are done, the
 * global step count, the training wall time so far and the summed loss of the current epoch's
 * batches (so a resumed epoch still reports its true mean). Saved with every checkpoint.
 */
public record TrainingState(int epoch, int batchInEpoch, long step, double wallSeconds, double epochLossSum) {

    /** The state of a run that has not started. */
    public static TrainingState start() {
        return new TrainingState(0, 0, 0, 0.0, 0.0);
    }

    /** The state after one more batch with loss {@code loss} that took {@code seconds}. */
    public TrainingState afterBatch(double loss, double seconds) {
        return new TrainingState(epoch, batchInEpoch + 1, step + 1, wallSeconds + seconds, epochLossSum + loss);
    }

    /** The state at the start of the next epoch. */
    public TrainingState nextEpoch() {
        return new TrainingState(epoch + 1, 0, step, wallSeconds, 0.0);
    }
}
