package org.dl4jsuite.common.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Counts of (actual class, predicted class) pairs, with accuracy, a markdown table and a heatmap PNG. */
public final class ConfusionMatrix {

    static final int CELL = 44;
    static final int LABEL_SPACE = 90;
    static final int TITLE_SPACE = 26;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private final List<String> classNames;
    private final long[][] counts;

    /** An empty matrix over the given classes; class {@code i} is {@code classNames.get(i)}. */
    public ConfusionMatrix(List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("A confusion matrix needs at least one class");
        }
        this.classNames = List.copyOf(classNames);
        this.counts = new long[classNames.size()][classNames.size()];
    }

    /** A matrix holding one count per index: {@code actual[i]} is the true class, {@code predicted[i]} the guess. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(
                    actual.length + " actual labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classNames);
        for (int i = 0; i < actual.length; i++) {
            matrix.add(actual[i], predicted[i]);
        }
        return matrix;
    }

    /** Counts one example whose true class is {@code actual} and whose predicted class is {@code predicted}. */
    public ConfusionMatrix add(int actual, int predicted) {
        checkClass("actual", actual);
        checkClass("predicted", predicted);
        counts[actual][predicted]++;
        return this;
    }

    public long count(int actual, int predicted) {
        checkClass("actual", actual);
        checkClass("predicted", predicted);
        return counts[actual][predicted];
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Number of examples counted. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /** Fraction of examples on the diagonal; NaN when nothing was counted. */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Recall of each true class (correct / examples of that class); NaN for a class with no examples. */
    public double[] perClassAccuracy() {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            long rowTotal = rowTotal(i);
            out[i] = rowTotal == 0 ? Double.NaN : (double) counts[i][i] / rowTotal;
        }
        return out;
    }

    /** A markdown table: one row per true class, one column per predicted class, then that class's accuracy. */
    public String toMarkdown() {
        String[] headers = new String[classNames.size() + 2];
        headers[0] = "true \\ predicted";
        for (int i = 0; i < classNames.size(); i++) {
            headers[i + 1] = classNames.get(i);
        }
        headers[headers.length - 1] = "accuracy";
        MarkdownTable table = new MarkdownTable(headers);
        double[] perClass = perClassAccuracy();
        for (int a = 0; a < counts.length; a++) {
            Object[] row = new Object[headers.length];
            row[0] = classNames.get(a);
            for (int p = 0; p < counts.length; p++) {
                row[p + 1] = counts[a][p];
            }
            row[row.length - 1] = percent(perClass[a]);
            table.row(row);
        }
        return table.toString();
    }

    /**
     * Draws a heatmap: rows are true classes, columns predicted ones, each cell shaded by its share of its
     * row (so rare classes are as readable as common ones) and labelled with its count.
     */
    public BufferedImage render() {
        Headless.ensure();
        int n = counts.length;
        String title = "rows: true class, columns: predicted";
        int titleWidth = (int) Math.ceil(BOLD.getStringBounds(title, new FontRenderContext(null, true, true)).getWidth());
        int width = LABEL_SPACE + Math.max(n * CELL, titleWidth) + 10;
        int height = TITLE_SPACE + LABEL_SPACE + n * CELL + 10;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(BOLD);
            g.drawString(title, LABEL_SPACE, TITLE_SPACE - 8);
            g.setFont(FONT);
            FontMetrics metrics = g.getFontMetrics();
            for (int a = 0; a < n; a++) {
                long rowTotal = rowTotal(a);
                for (int p = 0; p < n; p++) {
                    int x = cellX(p);
                    int y = cellY(a);
                    double share = rowTotal == 0 ? 0 : (double) counts[a][p] / rowTotal;
                    g.setColor(shade(share));
                    g.fillRect(x, y, CELL, CELL);
                    g.setColor(Color.LIGHT_GRAY);
                    g.drawRect(x, y, CELL, CELL);
                    String text = Long.toString(counts[a][p]);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.drawString(text, x + (CELL - metrics.stringWidth(text)) / 2,
                            y + (CELL + metrics.getAscent() - metrics.getDescent()) / 2);
                }
                g.setColor(Color.BLACK);
                String name = clip(classNames.get(a), metrics, LABEL_SPACE - 8);
                g.drawString(name, LABEL_SPACE - 6 - metrics.stringWidth(name),
                        cellY(a) + (CELL + metrics.getAscent() - metrics.getDescent()) / 2);
            }
            // Column names run upwards so long class names do not collide.
            AffineTransform unrotated = g.getTransform();
            for (int p = 0; p < n; p++) {
                String name = clip(classNames.get(p), metrics, LABEL_SPACE - 8);
                g.setTransform(unrotated);
                g.rotate(-Math.PI / 2, cellX(p) + (CELL + metrics.getAscent()) / 2.0 - 2, TITLE_SPACE + LABEL_SPACE - 6);
                g.drawString(name, cellX(p) + (CELL + metrics.getAscent()) / 2 - 2, TITLE_SPACE + LABEL_SPACE - 6);
            }
            g.setTransform(unrotated);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Renders the heatmap and writes it to {@code png} atomically; throws SuiteException if it cannot be written. */
    public void savePng(Path png) {
        PngFile.write(png, render());
    }

    static int cellX(int predicted) {
        return LABEL_SPACE + predicted * CELL;
    }

    static int cellY(int actual) {
        return TITLE_SPACE + LABEL_SPACE + actual * CELL;
    }

    /** White for 0, deep blue for 1. */
    static Color shade(double share) {
        double t = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(255 - t * (255 - 8)), (int) Math.round(255 - t * (255 - 48)),
                (int) Math.round(255 - t * (255 - 107)));
    }

    private long rowTotal(int actual) {
        long total = 0;
        for (long count : counts[actual]) {
            total += count;
        }
        return total;
    }

    private void checkClass(String role, int index) {
        if (index < 0 || index >= counts.length) {
            throw new IllegalArgumentException(
                    role + " class " + index + " is outside 0.." + (counts.length - 1) + " " + classNames);
        }
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String clip(String text, FontMetrics metrics, int width) {
        String clipped = text;
        while (clipped.length() > 1 && metrics.stringWidth(clipped) > width) {
            clipped = clipped.substring(0, clipped.length() - 1);
        }
        return clipped;
    }
}
