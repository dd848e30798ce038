package org.dl4jsuite.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.MetricsLog;

/**
 * The step records of one run's metrics.jsonl (a suite run or a PyTorch reference run, which write
 * the same format), with the throughput whatever its unit (examples/s or tokens/s).
 */
record RunMetrics(String label, List<Map<String, Object>> steps) {
    private static final List<String> RATE_KEYS = List.of("examples_per_s", "tokens_per_s");

    /** Reads a run folder (or a metrics.jsonl file directly). */
    static RunMetrics read(Path runOrFile, String label) {
        Path file = Files.isDirectory(runOrFile) ? runOrFile.resolve("metrics.jsonl") : runOrFile;
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("no metrics.jsonl at " + file + "; pass a run folder written by a suite "
                    + "command or a reference script");
        }
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(file), "step").stream()
                .filter(r -> r.get("loss") instanceof Number).toList();
        if (steps.isEmpty()) {
            throw new SuiteException(file + " has no step records with a loss; was the run shorter than --log-every?");
        }
        String name = label != null ? label : file.toAbsolutePath().getParent().getParent().getFileName() + "/"
                + file.toAbsolutePath().getParent().getFileName();
        return new RunMetrics(name, steps);
    }

    /** One numeric column of the step records (NaN where absent). */
    double[] column(String key) {
        return MetricsLog.column(steps, key);
    }

    /** The largest value of {@code key} over the step records (e.g. heap_mib), NaN when no record has it. */
    double peak(String key) {
        double peak = Double.NaN;
        for (double v : column(key)) {
            if (!Double.isNaN(v) && (Double.isNaN(peak) || v > peak)) {
                peak = v;
            }
        }
        return peak;
    }

    /** The loss of the last logged step window. */
    double lastLoss() {
        return ((Number) steps.get(steps.size() - 1).get("loss")).doubleValue();
    }

    /** The last step count logged. */
    long lastStep() {
        return ((Number) steps.get(steps.size() - 1).get("step")).longValue();
    }

    /** Mean throughput over the logged windows, leaving out the first (warm-up) when there are several. */
    double meanRate() {
        String key = RATE_KEYS.stream().filter(k -> steps.get(0).get(k) instanceof Number).findFirst().orElse(null);
        if (key == null) {
            return Double.NaN;
        }
        double[] rates = column(key);
        int from = rates.length > 1 ? 1 : 0;
        double sum = 0;
        for (int i = from; i < rates.length; i++) {
            sum += rates[i];
        }
        return sum / (rates.length - from);
    }
}
