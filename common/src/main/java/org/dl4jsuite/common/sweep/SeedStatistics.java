package org.dl4jsuite.common.sweep;

import java.util.List;

/** Mean, sample standard deviation, minimum and maximum of one figure over a configuration's seeds. */
public record SeedStatistics(double mean, double std, double min, double max, int n) {

    /** The statistics of {@code values} (std 0 for a single value). */
    public static SeedStatistics of(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new SeedStatistics(mean, std, values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), n);
    }
}
