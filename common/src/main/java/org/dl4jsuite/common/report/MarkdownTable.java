package org.dl4jsuite.common.report;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table whose numeric columns are right-aligned; {@link #toString()} renders it. */
public final class MarkdownTable {

    private final TableCells cells;

    public MarkdownTable(String... headers) {
        this.cells = new TableCells(headers);
    }

    /** Adds a row; integers get thousands separators, other doubles six significant digits, null an empty cell. */
    public MarkdownTable row(Object... values) {
        cells.add(values);
        return this;
    }

    @Override
    public String toString() {
        int n = cells.columns();
        List<String> headers = new ArrayList<>();
        for (String header : cells.headers()) {
            headers.add(escape(header));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : cells.rows()) {
            List<String> escaped = new ArrayList<>();
            for (String cell : row) {
                escaped.add(escape(cell));
            }
            rows.add(escaped);
        }
        // Padding is not needed by renderers but keeps the raw file readable.
        int[] widths = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            numeric[c] = cells.isNumeric(c);
            widths[c] = Math.max(3, headers.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths, numeric);
        out.append('|');
        for (int c = 0; c < n; c++) {
            out.append(' ')
                    .append(numeric[c] ? "-".repeat(widths[c] - 1) + ":" : "-".repeat(widths[c]))
                    .append(" |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            appendLine(out, row, widths, numeric);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            out.append(' ')
                    .append(numeric[c] ? TableCells.padLeft(cell, widths[c]) : TableCells.padRight(cell, widths[c]))
                    .append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        // A bare pipe would end the cell early and a newline would end the row.
        return cell.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
