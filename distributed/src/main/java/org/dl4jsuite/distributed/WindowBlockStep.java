package org.dl4jsuite.distributed;

import org.dl4jsuite.common.sequence.TokenMean;
import org.nd4j.linalg.dataset.DataSet;

/**
 * An engine's step over rounds of window blocks ([blocks × streams, 1, K·seq], each worker walking its blocks in
 * truncated-BPTT windows), in the language model's units: the loss per token of the workers'
 * last windows, throughput in tokens.
 */
final class WindowBlockStep implements ReplicaStep {
    private final ReplicaStep engine;
    private final TokenMean perToken;
    private final String unit;

    WindowBlockStep(ReplicaStep engine, TokenMean perToken, String unit) {
        this.engine = engine;
        this.perToken = perToken;
        this.unit = unit;
    }

    @Override
    public double fit(DataSet round) {
        // DL4J's RNN losses sum over the time steps of the last window fitted: report the per-token mean.
        return perToken.loss(engine.fit(round));
    }

    @Override
    public long examples(DataSet round) {
        return round.getFeatures().size(0) * round.getFeatures().size(2);
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public void close() {
        engine.close();
    }
}
