package org.dl4jsuite.common.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of a sweep: its configuration (the value of every varied option), its seed (null: the command's
 * default) and the train options it runs with.
 */
public record SweepPoint(Map<String, String> configuration, String seed, List<String> fixed) {

    public SweepPoint {
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        fixed = List.copyOf(fixed);
    }

    /** The configuration as {@code lr=0.1 batch-size=4} (axis order), "defaults" when nothing varies. */
    public String label(List<String> axisOrder) {
        String text = axisOrder.stream().filter(configuration::containsKey)
                .map(axis -> axis.substring(2) + "=" + configuration.get(axis)).collect(Collectors.joining(" "));
        return text.isEmpty() ? "defaults" : text;
    }

    /** A folder name for this point: its label and seed with anything but letters, digits, '.', '-' and '=' as '_'. */
    public String folderName(List<String> axisOrder) {
        String name = label(axisOrder).replace(' ', '_') + (seed == null ? "" : "_seed=" + seed);
        return name.replaceAll("[^A-Za-z0-9.=_-]", "_");
    }

    /** The train command line of this point. */
    public List<String> trainArgs() {
        List<String> args = new ArrayList<>(fixed);
        configuration.forEach((option, value) -> {
            args.add(option);
            args.add(value);
        });
        if (seed != null) {
            args.add(SweepGrid.SEED);
            args.add(seed);
        }
        return args;
    }
}
