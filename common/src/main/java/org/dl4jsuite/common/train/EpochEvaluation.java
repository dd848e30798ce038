package org.dl4jsuite.common.train;

import java.util.Map;
import java.util.function.IntFunction;
import org.dl4jsuite.common.runtime.MemorySampler;

/** An evaluation at the end of every epoch (e.g. test accuracy): its figures join the epoch's metrics. */
public final class EpochEvaluation implements RunListener {
    private final IntFunction<Map<String, Double>> evaluation;

    /** Runs {@code evaluation} with the number of epochs done: metric name to value. */
    public EpochEvaluation(IntFunction<Map<String, Double>> evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void onEpochEnd(EpochDone epoch) {
        MemorySampler.phase("eval");
        try {
            epoch.metrics().putAll(evaluation.apply(epoch.epoch()));
        } finally {
            MemorySampler.phase("train");
        }
    }
}
