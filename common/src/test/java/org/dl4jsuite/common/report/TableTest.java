package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void markdownRightAlignsNumericColumnsAndPadsCells() {
        String table = new MarkdownTable("layer", "params", "acc")
                .row("conv1", 156, "97.3%")
                .row("dense", 30840L, 0.5)
                .toString();

        assertThat(table).isEqualTo(
                "| layer | params |   acc |\n"
              + "| ----- | -----: | ----: |\n"
              + "| conv1 |    156 | 97.3% |\n"
              + "| dense | 30,840 |   0.5 |\n");
    }

    @Test
    void markdownEscapesPipesAndNewlines() {
        String table = new MarkdownTable("note").row("a|b\nc").toString();

        assertThat(table).isEqualTo("| note   |\n| ------ |\n| a\\|b c |\n");
    }

    @Test
    void textTableUnderlinesHeaderAndRightAlignsNumbers() {
        String table = new TextTable("#", "name", "count")
                .row(0, "conv1", 156)
                .row(1, "output", 44426)
                .row(null, "total", 44582)
                .toString();

        assertThat(table).isEqualTo(
                "#  name     count\n"
              + "-  ------  ------\n"
              + "0  conv1      156\n"
              + "1  output  44,426\n"
              + "   total   44,582\n");
    }

    @Test
    void mixedColumnIsLeftAligned() {
        String table = new TextTable("x").row("12").row("abc").toString();

        assertThat(table).isEqualTo("x\n---\n12\nabc\n");
    }

    @Test
    void doublesAreShortenedToSixSignificantDigits() {
        assertThat(TableCells.format(0.1)).isEqualTo("0.1");
        assertThat(TableCells.format(2.0 / 3)).isEqualTo("0.666667");
        assertThat(TableCells.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void rowWithWrongCellCountIsRejected() {
        assertThatThrownBy(() -> new MarkdownTable("a", "b").row(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells")
                .hasMessageContaining("2 columns");
    }
}
