package org.dl4jsuite.common.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;

/**
 * A grid of training runs written as a train command line whose options may hold lists:
 * {@code --lr 0.1,0.01 --batch-size 4,50 --seed 1,2,3}. Every option whose value has a comma is an axis; the grid
 * is every combination, the last axis varying fastest; the seed axis is kept apart, as what a configuration is
 * repeated over.
 */
public final class SweepGrid {
    /** The option whose values are repetitions of one configuration, not configurations. */
    public static final String SEED = "--seed";
    /** The most points one sweep runs (the reference's largest study has 144). */
    public static final int MAX_POINTS = 10_000;

    private final List<String> fixed;
    private final Map<String, List<String>> axes;
    private final List<String> seeds;

    private SweepGrid(List<String> fixed, Map<String, List<String>> axes, List<String> seeds) {
        this.fixed = fixed;
        this.axes = axes;
        this.seeds = seeds;
    }

    /** The grid a train command line describes; {@code seeds} (may be empty: the command's own seed) repeat each point. */
    public static SweepGrid of(List<String> trainArgs, List<String> seeds) {
        List<String> fixed = new ArrayList<>();
        Map<String, List<String>> axes = new LinkedHashMap<>();
        List<String> seedValues = new ArrayList<>(seeds);
        for (int i = 0; i < trainArgs.size(); i++) {
            String arg = trainArgs.get(i);
            String option = arg;
            String value = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                option = arg.substring(0, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < trainArgs.size() && !trainArgs.get(i + 1).startsWith("--")) {
                value = trainArgs.get(++i);
            }
            if (!option.startsWith("--")) {
                throw new SuiteException("sweep takes train options (--name value), not '" + arg + "'");
            }
            if (value == null) {
                fixed.add(option);
                continue;
            }
            List<String> values = split(option, value);
            if (option.equals(SEED) || option.equals("--seeds")) {
                if (!seedValues.isEmpty()) {
                    throw new SuiteException("give the seeds once (--seeds or --seed)");
                }
                seedValues.addAll(values);
            } else if (values.size() > 1) {
                if (axes.put(option, values) != null) {
                    throw new SuiteException(option + " is given twice");
                }
            } else {
                fixed.add(option);
                fixed.add(value);
            }
        }
        long points = Math.min(MAX_POINTS + 1L, Math.max(1, seedValues.size()));
        for (List<String> values : axes.values()) {
            points = Math.min(MAX_POINTS + 1L, points * values.size());
        }
        if (points > MAX_POINTS) {
            throw new SuiteException("the grid " + axes.keySet() + (seedValues.isEmpty() ? "" : " × seeds")
                    + " has more than " + MAX_POINTS + " points; split it into several sweeps");
        }
        return new SweepGrid(List.copyOf(fixed), axes, List.copyOf(seedValues));
    }

    private static List<String> split(String option, String value) {
        List<String> values = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isBlank()) {
                throw new SuiteException(option + " " + value + " has an empty value in its list");
            }
            values.add(part.strip());
        }
        return values;
    }

    /** The varied options and their values, in the order given. */
    public Map<String, List<String>> axes() {
        return axes;
    }

    /** The seeds each configuration runs with (empty: the train command's default seed only). */
    public List<String> seeds() {
        return seeds;
    }

    /** The options every point shares. */
    public List<String> fixed() {
        return fixed;
    }

    /** Every point: each configuration once per seed. */
    public List<SweepPoint> points() {
        List<Map<String, String>> configurations = new ArrayList<>();
        configurations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : configurations) {
                for (String value : axis.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            configurations = next;
        }
        List<SweepPoint> points = new ArrayList<>();
        for (Map<String, String> configuration : configurations) {
            if (seeds.isEmpty()) {
                points.add(new SweepPoint(configuration, null, fixed));
            } else {
                for (String seed : seeds) {
                    points.add(new SweepPoint(configuration, seed, fixed));
                }
            }
        }
        return points;
    }
}
