package org.dl4jsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.MemorySampler;

/**
 * A soak run's memory samples (the CSV of {@link MemorySampler}) and the figures bench/soak.sh prints: peaks,
 * the peak per phase, and growth after warm-up as the trend of per-window peaks (RSS saws up and down as buffers
 * are freed, so the trend of the peaks is what a long run will reach).
 */
public record MemorySamples(double[] seconds, double[] rss, double[] heap, double[] heapCommitted, double[] tracked,
                            String[] phase) {
    /** Post-warm-up windows whose peaks the growth is fitted through. */
    static final int WINDOWS = 10;

    /** Reads a sampler CSV; a file that is not one is a user error. */
    public static MemorySamples read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new SuiteException("cannot read memory samples " + csv + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !lines.get(0).equals(MemorySampler.HEADER)) {
            throw new SuiteException(csv + " is not a memory-sample file: its first line should be "
                    + MemorySampler.HEADER);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length == 6) { // a last line cut short by a killed process is left out
                rows.add(cells);
            }
        }
        if (rows.size() < 2) {
            throw new SuiteException(csv + " holds " + rows.size() + " samples; a soak needs at least two");
        }
        int n = rows.size();
        MemorySamples samples = new MemorySamples(new double[n], new double[n], new double[n], new double[n],
                new double[n], new String[n]);
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i);
            try {
                samples.seconds[i] = Double.parseDouble(cells[0]);
                samples.rss[i] = Double.parseDouble(cells[1]);
                samples.heap[i] = Double.parseDouble(cells[2]);
                samples.heapCommitted[i] = Double.parseDouble(cells[3]);
                samples.tracked[i] = Double.parseDouble(cells[4]);
            } catch (NumberFormatException e) {
                throw new SuiteException(csv + " line " + (i + 2) + " is not a sample: " + String.join(",", cells));
            }
            samples.phase[i] = cells[5];
        }
        return samples;
    }

    /**
     * The resident memory that is neither the Java heap (committed) nor JavaCPP-tracked: ND4J's arrays (libnd4j
     * allocates them outside JavaCPP's count on CPU), the JVM's own native memory and malloc's free lists.
     */
    public double[] otherNative() {
        double[] other = new double[rss.length];
        for (int i = 0; i < rss.length; i++) {
            other[i] = Math.max(0, rss[i] - heapCommitted[i] - tracked[i]);
        }
        return other;
    }

    /**
     * The RSS peak of every stretch of consecutive "train" samples: the stretches between evaluations, or the points
     * of a sweep (each point's training ends in an evaluation and a report).
     */
    public List<Double> trainingStretchPeaks() {
        List<Double> peaks = new ArrayList<>();
        double peak = Double.NaN;
        for (int i = 0; i < rss.length; i++) {
            if (phase[i].equals("train")) {
                peak = Double.isNaN(peak) ? rss[i] : Math.max(peak, rss[i]);
            } else if (!Double.isNaN(peak)) {
                peaks.add(peak);
                peak = Double.NaN;
            }
        }
        if (!Double.isNaN(peak)) {
            peaks.add(peak);
        }
        return peaks;
    }

    /** The largest value of {@code values}. */
    static double peak(double[] values) {
        double peak = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            peak = Math.max(peak, v);
        }
        return peak;
    }

    /** The largest RSS sampled during {@code name}, NaN if no sample was. */
    public double peakRss(String name) {
        double peak = Double.NaN;
        for (int i = 0; i < rss.length; i++) {
            if (phase[i].equals(name)) {
                peak = Double.isNaN(peak) ? rss[i] : Math.max(peak, rss[i]);
            }
        }
        return peak;
    }

    /** The RSS peaks of {@link #WINDOWS} equal slices of the time after {@code warmUpSeconds}: [centre s, peak]. */
    public double[][] windowPeaks(double warmUpSeconds) {
        double end = seconds[seconds.length - 1];
        if (end <= warmUpSeconds) {
            throw new SuiteException(String.format(Locale.ROOT,
                    "the run lasted %.0f s, not longer than its warm-up of %.0f s: nothing to measure growth on",
                    end, warmUpSeconds));
        }
        double width = (end - warmUpSeconds) / WINDOWS;
        List<double[]> peaks = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            double from = warmUpSeconds + w * width;
            double to = w == WINDOWS - 1 ? end : from + width;
            double peak = Double.NaN;
            for (int i = 0; i < seconds.length; i++) {
                if (seconds[i] >= from && seconds[i] <= to) {
                    peak = Double.isNaN(peak) ? rss[i] : Math.max(peak, rss[i]);
                }
            }
            if (!Double.isNaN(peak)) {
                peaks.add(new double[] {from + width / 2, peak});
            }
        }
        return peaks.toArray(double[][]::new);
    }

    /** MiB per hour: the least-squares slope of the window peaks after {@code warmUpSeconds}. */
    public double growthPerHour(double warmUpSeconds) {
        double[][] peaks = windowPeaks(warmUpSeconds);
        if (peaks.length < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : peaks) {
            mx += p[0];
            my += p[1];
        }
        mx /= peaks.length;
        my /= peaks.length;
        double sxy = 0;
        double sxx = 0;
        for (double[] p : peaks) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx * 3600;
    }
}
