package org.dl4jsuite.common.train;

import java.nio.file.Path;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One optimisation step on one batch of the network it was made for: {@link FeedForwardStep}, the language
 * models' truncated-BPTT step, or an engine's averaging round. A step that keeps state across batches (the
 * carried RNN state) writes it with every checkpoint and reads it back on resume.
 */
public interface Step extends CheckpointPart, AutoCloseable {
    /** Trains on {@code batch} and returns its loss. */
    double fit(DataSet batch);

    /** Called before the first batch of an epoch is trained, {@code skip} batches in (non-zero on resume). */
    default void startEpoch(int epoch, int skip) {
    }

    /** What the step counts as examples in {@code batch} (for the throughput figure). */
    default long examples(DataSet batch) {
        return batch.numExamples();
    }

    /** What {@link #examples} counts, for the log line's throughput ("ex", "char", "word"). */
    default String unit() {
        return "ex";
    }

    @Override
    default void save(Path checkpointDirectory) {
    }

    @Override
    default void restore(Path checkpointDirectory) {
    }

    /** Releases what the step opened (an engine such as a Spark context) once the run has finished, however it ended. */
    @Override
    default void close() {
    }
}
