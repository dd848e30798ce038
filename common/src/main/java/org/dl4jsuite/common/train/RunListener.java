package org.dl4jsuite.common.train;

import java.util.Map;

/**
 * Watches a training run (DJL's {@code TrainingListener} shape): the loop calls each listener of the run's one
 * list in order at every event, so a listener that adds metrics to an event (an evaluation) comes before those
 * that print or record them, and the checkpoint writer comes last.
 */
public interface RunListener {
    /** A step has been trained: the state it reached, its loss, what it counted, its time and the metrics listeners added. */
    record StepDone(TrainingState state, double loss, long examples, double seconds, String unit,
                    Map<String, Double> metrics) {
    }

    /**
     * Epoch {@code epoch} (1-based) has ended: training continues from {@code next}; the mean loss of its steps and
     * the metrics listeners added (e.g. "test_accuracy").
     */
    record EpochDone(int epoch, TrainingState next, double meanLoss, Map<String, Double> metrics) {
    }

    /** Before the first step, at {@code start} (later than the beginning on resume). */
    default void onTrainingBegin(TrainingState start) {
    }

    /** Before the first batch of an epoch of {@code batches} batches; {@code state} says how many are done. */
    default void onEpochBegin(TrainingState state, int batches) {
    }

    /** After every step. */
    default void onStep(StepDone step) {
    }

    /** After the last step of an epoch, the network's epoch count already advanced. */
    default void onEpochEnd(EpochDone epoch) {
    }

    /** When training stops: all epochs done, --max-steps reached or a stop requested. */
    default void onTrainingEnd(TrainingLoop.Result result) {
    }
}
