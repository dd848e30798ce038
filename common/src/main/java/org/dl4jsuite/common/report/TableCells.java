package org.dl4jsuite.common.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The header and text cells shared by {@link MarkdownTable} and {@link TextTable}, with column alignment. */
final class TableCells {

    // Digits with optional sign, thousands separators, decimals, exponent and percent sign: "44,426", "-0.5", "97.3%".
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?([eE][-+]?\\d+)?%?|NaN|[-+]?Infinity");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TableCells(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("A table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    void add(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "Row has " + cells.length + " cells but the table has " + headers.size() + " columns " + headers);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(format(cell));
        }
        rows.add(row);
    }

    List<String> headers() {
        return headers;
    }

    List<List<String>> rows() {
        return rows;
    }

    int columns() {
        return headers.size();
    }

    /** A column is numeric when it has at least one value and every non-empty cell looks like a number. */
    boolean isNumeric(int column) {
        boolean any = false;
        for (List<String> row : rows) {
            String cell = row.get(column);
            if (cell.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Integer || cell instanceof Long || cell instanceof Short || cell instanceof Byte
                || cell instanceof BigInteger) {
            // Grouping makes parameter counts like 44,426 readable at a glance.
            return String.format(Locale.ROOT, "%,d", cell);
        }
        if (cell instanceof Double || cell instanceof Float) {
            double value = ((Number) cell).doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(cell);
    }

    static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
