package org.dl4jsuite.common.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dl4jsuite.common.runtime.MemoryFigures;

/**
 * The run's {@code metrics.jsonl}: every {@code every} steps a "step" record (mean loss and throughput since the
 * last one, with the memory figures a benchmark reads its peak from), an "eval" record for each step's
 * evaluation, and an "epoch" record with the epoch's metrics.
 */
public final class MetricsRecords implements RunListener {
    private final MetricsLog log;
    private final int every;
    private final LossWindow interval = new LossWindow();
    private final LossWindow epoch = new LossWindow();

    /** Records into {@code log}, a step record every {@code every} steps. */
    public MetricsRecords(MetricsLog log, int every) {
        this.log = log;
        this.every = every;
    }

    @Override
    public void onEpochBegin(TrainingState state, int batches) {
        epoch.reset();
    }

    @Override
    public void onStep(StepDone step) {
        interval.add(step);
        epoch.add(step);
        TrainingState state = step.state();
        if (state.step() % every == 0) {
            log.append(record("step", state.step(), state.epoch() + 1, state.wallSeconds(), interval.meanLoss(),
                    interval.examplesPerSecond(), MemoryFigures.now()));
            interval.reset();
        }
        if (!step.metrics().isEmpty()) {
            log.append(record("eval", state.step(), state.epoch() + 1, state.wallSeconds(), Double.NaN, Double.NaN,
                    step.metrics()));
        }
    }

    @Override
    public void onEpochEnd(EpochDone done) {
        log.append(record("epoch", done.next().step(), done.epoch(), done.next().wallSeconds(), done.meanLoss(),
                epoch.examplesPerSecond(), done.metrics()));
    }

    /** One record; loss and rate are left out when NaN (evaluation records have neither). */
    private static Map<String, Object> record(String type, long step, int epoch, double wallSeconds, double loss,
                                              double rate, Map<String, Double> extra) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("step", step);
        record.put("epoch", epoch);
        if (!Double.isNaN(loss)) {
            record.put("loss", loss);
        }
        if (!Double.isNaN(rate)) {
            record.put("examples_per_s", rate);
        }
        record.put("wall_s", wallSeconds);
        record.putAll(extra);
        return record;
    }
}
