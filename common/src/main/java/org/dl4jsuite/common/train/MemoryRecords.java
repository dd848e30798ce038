package org.dl4jsuite.common.train;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dl4jsuite.common.runtime.MemoryFigures;

/**
 * The process's memory (resident set, heap, ND4J's off-heap bytes) as "memory" records in metrics.jsonl: at the
 * start, every {@code every} steps and at the end, the first and last also printed.
 */
public final class MemoryRecords implements RunListener {
    private final MetricsLog log;
    private final int every;
    private final PrintStream console;

    /** Records into {@code log} every {@code every} steps, printing the first and last on {@code console}. */
    public MemoryRecords(MetricsLog log, int every, PrintStream console) {
        this.log = log;
        this.every = every;
        this.console = console;
    }

    @Override
    public void onTrainingBegin(TrainingState start) {
        record(start.step(), true);
    }

    @Override
    public void onStep(StepDone step) {
        if (step.state().step() % every == 0) {
            record(step.state().step(), false);
        }
    }

    @Override
    public void onTrainingEnd(TrainingLoop.Result result) {
        record(result.state().step(), true);
    }

    private void record(long step, boolean print) {
        Map<String, Double> figures = MemoryFigures.now();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "memory");
        record.put("step", step);
        record.putAll(figures);
        log.append(record);
        if (print) {
            console.printf("memory at step %d: %s%n", step, MemoryFigures.describe(figures));
        }
    }
}
