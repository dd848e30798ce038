package org.dl4jsuite.adversarial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.shapes.ReceptiveField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code receptive-field}: size, jump, receptive size and start per layer, and one feature's input box. */
@Command(name = "receptive-field", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Receptive fields: n_out = floor((n_in + 2p - k)/s) + 1, j_out = j_in*s, r_out = r_in + (k-1)*j_in, "
                + "start_out = start_in + ((k-1)/2 - p)*j_in.")
public final class ReceptiveFieldCommand implements Callable<Integer> {
    @Option(names = "--net", description = "A known network: alexnet (torchvision's layout).")
    String net;

    @Option(names = "--layers", paramLabel = "K/S/P,...", description = "Layers as kernel/stride/padding, e.g. 11/4/0,3/2/0,5/1/2.")
    String layers;

    @Option(names = "--input", description = "Input size n (default 224 with --net alexnet, else 227).")
    Integer input;

    @Option(names = "--start", description = "Centre of the first input pixel.")
    double start = 0.5;

    @Option(names = "--feature", paramLabel = "ROW,COL", description = "Print the input box of this feature of the last layer.")
    String feature;

    @Override
    public Integer call() {
        List<ReceptiveField.Layer> chain = chain();
        int size = input != null ? input : net != null ? 224 : 227;
        List<ReceptiveField.Step> steps = ReceptiveField.trace(size, start, chain);
        TextTable table = new TextTable("layer", "k", "s", "p", "n", "jump j", "receptive r", "start");
        for (int i = 0; i < steps.size(); i++) {
            ReceptiveField.Step s = steps.get(i);
            ReceptiveField.Layer l = i == 0 ? null : chain.get(i - 1);
            table.row(s.name(), l == null ? null : l.kernel(), l == null ? null : l.stride(), l == null ? null : l.padding(),
                    s.size(), s.jump(), s.receptiveSize(), String.valueOf(s.start()));
        }
        System.out.print(table);
        if (feature != null) {
            ReceptiveField.Step last = steps.get(steps.size() - 1);
            String[] rc = feature.split(",");
            if (rc.length != 2) {
                throw new SuiteException("--feature must be ROW,COL, e.g. 0,0");
            }
            int row;
            int col;
            try {
                row = Integer.parseInt(rc[0].trim());
                col = Integer.parseInt(rc[1].trim());
            } catch (NumberFormatException e) {
                throw new SuiteException("--feature must be two integers ROW,COL, got '" + feature + "'");
            }
            double[] rows = last.box(row);
            double[] cols = last.box(col);
            System.out.printf("feature (%d,%d) of %s sees input rows [%s, %s) and columns [%s, %s) (%d×%d pixels; "
                            + "parts outside [0, %d) are padding)%n", row, col, last.name(), fmt(rows[0]), fmt(rows[1]),
                    fmt(cols[0]), fmt(cols[1]), last.receptiveSize(), last.receptiveSize(), size);
        }
        return 0;
    }

    private List<ReceptiveField.Layer> chain() {
        if ((net == null) == (layers == null)) {
            throw new SuiteException("give either --net alexnet or --layers K/S/P,...");
        }
        if (net != null) {
            if (!net.equalsIgnoreCase("alexnet")) {
                throw new SuiteException("unknown --net '" + net + "'; known: alexnet");
            }
            return AlexNetModel.FEATURE_LAYERS;
        }
        List<ReceptiveField.Layer> chain = new ArrayList<>();
        String[] specs = layers.split(",");
        for (int i = 0; i < specs.length; i++) {
            chain.add(ReceptiveField.Layer.parse("layer" + (i + 1), specs[i]));
        }
        return chain;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
