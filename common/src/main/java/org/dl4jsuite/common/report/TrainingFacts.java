package org.dl4jsuite.common.report;

import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.train.TrainingState;

/** What a language model's report.md states about its training: configuration, size, how far it went, how long it took. */
public final class TrainingFacts {
    private TrainingFacts() {
    }

    /**
     * Adds to {@code report} the run's {@code config} (as JSON), the network's {@code parameters}, the epochs (of
     * {@code epochs}) and steps done by {@code state} ({@code stoppedByMaxSteps}: the run ended at --max-steps) and
     * the training time.
     */
    public static RunReport addTo(RunReport report, Object config, int epochs, long parameters, TrainingState state,
                                  boolean stoppedByMaxSteps) {
        return report.fact("configuration", Json.line(config))
                .fact("parameters", parameters)
                .fact("epochs completed", state.epoch() + " of " + epochs
                        + (stoppedByMaxSteps ? " (stopped by --max-steps)" : ""))
                .fact("steps", state.step())
                .fact("training time", String.format("%.1f s (evaluation excluded)", state.wallSeconds()));
    }
}
