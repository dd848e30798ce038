package org.dl4jsuite.common.report;

import java.util.List;

/** A fixed-width console table with an underlined header and right-aligned numeric columns. */
public final class TextTable {

    private static final String GAP = "  ";

    private final TableCells cells;

    public TextTable(String... headers) {
        this.cells = new TableCells(headers);
    }

    /** Adds a row; integers get thousands separators, other doubles six significant digits, null an empty cell. */
    public TextTable row(Object... values) {
        cells.add(values);
        return this;
    }

    @Override
    public String toString() {
        int n = cells.columns();
        int[] widths = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            numeric[c] = cells.isNumeric(c);
            widths[c] = cells.headers().get(c).length();
            for (List<String> row : cells.rows()) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, cells.headers(), widths, numeric);
        StringBuilder underline = new StringBuilder();
        for (int c = 0; c < n; c++) {
            if (c > 0) {
                underline.append(GAP);
            }
            underline.append("-".repeat(widths[c]));
        }
        out.append(underline).append('\n');
        for (List<String> row : cells.rows()) {
            appendLine(out, row, widths, numeric);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String cell = cells.get(c).replace('\n', ' ');
            line.append(numeric[c] ? TableCells.padLeft(cell, widths[c]) : TableCells.padRight(cell, widths[c]));
        }
        // Trailing blanks from padding the last column only add noise to logs and diffs.
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
