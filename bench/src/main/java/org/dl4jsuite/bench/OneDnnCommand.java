package org.dl4jsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onednn LOG}: oneDNN's own timing of every primitive it ran, from a log written with DNNL_VERBOSE=2
 * (bench/profile.sh --onednn): calls, milliseconds per call and the total per primitive, direction and shape.
 */
@Command(name = "onednn", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Summarise a DNNL_VERBOSE=2 log: time per oneDNN primitive (kind, implementation, direction, shape).")
public final class OneDnnCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LOG", description = "Output of a run with DNNL_VERBOSE=2.")
    Path log;

    @Option(names = "--skip", description = "Leave out this share of the exec lines at the start (warm-up, first creations).")
    double skip = 0.2;

    @Option(names = "--per", paramLabel = "N",
            description = "Also print milliseconds per step, for a log of N training steps (the kept share counts as that share of N); 0: no.")
    double per;

    @Option(names = "--top", description = "Rows.")
    int top = 16;

    /** Calls and milliseconds of one primitive. */
    private static final class Tally {
        long calls;
        double ms;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(log)) {
            throw new SuiteException("no log at " + log + "; write one with DNNL_VERBOSE=2 (bench/profile.sh --onednn)");
        }
        List<String[]> execs = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("dnnl_verbose,exec,") || line.startsWith("onednn_verbose,exec,")) {
                execs.add(line.split(","));
            }
        }
        if (execs.isEmpty()) {
            throw new SuiteException(log + " has no oneDNN exec lines: was it written with DNNL_VERBOSE=2 on the onednn backend?");
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        double total = 0;
        for (String[] f : execs.subList((int) (skip * execs.size()), execs.size())) {
            // exec,cpu,KIND,IMPL,DIRECTION,FORMATS,ATTRS,ALG?,SHAPE,MS
            double ms = Double.parseDouble(f[f.length - 1]);
            String kind = f[3].equals("reorder") ? "reorder (layout conversion), all shapes"
                    : f[3] + " " + f[5] + " " + f[f.length - 2] + " [" + f[4] + "]";
            Tally t = tallies.computeIfAbsent(kind, k -> new Tally());
            t.calls++;
            t.ms += ms;
            total += ms;
        }
        double steps = per * (1 - skip);
        TextTable table = per > 0 ? new TextTable("ms total", "share", "calls", "ms/call", "ms per step", "primitive")
                : new TextTable("ms total", "share", "calls", "ms/call", "primitive");
        double all = total;
        tallies.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue().ms, a.getValue().ms)).limit(top)
                .forEach(e -> {
                    Tally t = e.getValue();
                    List<Object> row = new ArrayList<>(List.of(String.format("%.1f", t.ms), String.format("%.1f%%", 100 * t.ms / all),
                            t.calls, String.format("%.3f", t.ms / t.calls)));
                    if (per > 0) {
                        row.add(String.format("%.3f", t.ms / steps));
                    }
                    row.add(e.getKey());
                    table.row(row.toArray());
                });
        System.out.printf("%,d exec lines, the first %.0f%% left out; %.1f ms in oneDNN%s%n", execs.size(), 100 * skip, total,
                per > 0 ? String.format(" (%.3f ms per step)", total / steps) : "");
        System.out.print(table);
        return 0;
    }
}
