package org.dl4jsuite.common.train;

import java.util.Map;
import java.util.function.Function;
import org.dl4jsuite.common.runtime.MemorySampler;

/** An evaluation every N steps (e.g. validation loss and a sample): its figures become that step's metrics. */
public final class StepEvaluation implements RunListener {
    private final int every;
    private final Function<TrainingState, Map<String, Double>> evaluation;

    /** Runs {@code evaluation} after every {@code every}-th step: metric name to value. */
    public StepEvaluation(int every, Function<TrainingState, Map<String, Double>> evaluation) {
        if (every <= 0) {
            throw new IllegalArgumentException("evaluation interval must be positive, got " + every);
        }
        this.every = every;
        this.evaluation = evaluation;
    }

    @Override
    public void onStep(StepDone step) {
        if (step.state().step() % every == 0) {
            MemorySampler.phase("eval");
            try {
                step.metrics().putAll(evaluation.apply(step.state()));
            } finally {
                MemorySampler.phase("train");
            }
        }
    }
}
