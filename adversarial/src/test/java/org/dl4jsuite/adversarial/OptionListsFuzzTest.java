package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.sweep.SweepGrid;

/**
 * The command line's lists, from any text: the input's lines are {@code attack --eps}, {@code receptive-field
 * --layers} and {@code --feature}, and a {@code sweep} command line. Each is either taken (the receptive-field
 * command exits 0, the sweep grid has at most {@link SweepGrid#MAX_POINTS} points) or refused with the suite's
 * one user error (exit code 2); nothing else. Replays OptionListsFuzzTestInputs/ (the reference studies' and
 * AlexNet's lists, and every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class OptionListsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parsesOrRefuses(byte[] bytes) {
        String[] lines = Arrays.copyOf(new String(bytes, StandardCharsets.UTF_8).split("\n", 4), 4);
        String eps = lines[0] == null ? "" : lines[0];
        try {
            AttackConfig config = new AttackConfig();
            SuiteCli.parse(config, List.of("--eps", eps));
            config.validate();
            assertThat(config.budgets()).allSatisfy(e -> assertThat(e).isPositive());
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        receptiveField(lines[1], lines[2]);
        if (lines[3] != null) {
            try {
                SweepGrid grid = SweepGrid.of(List.of(lines[3].split(" ")), List.of());
                assertThat(grid.points().size()).isBetween(1, SweepGrid.MAX_POINTS);
            } catch (SuiteException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    private static void receptiveField(String layers, String feature) {
        if (layers == null) {
            return;
        }
        StringWriter err = new StringWriter();
        PrintStream console = System.out;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(table, true, StandardCharsets.UTF_8));
            code = feature == null
                    ? SuiteCli.execute(new ReceptiveFieldCommand(), new PrintWriter(err), "--layers", layers)
                    : SuiteCli.execute(new ReceptiveFieldCommand(), new PrintWriter(err), "--layers", layers,
                    "--feature", feature);
        } finally {
            System.setOut(console);
        }
        assertThat(code).as("exit code of receptive-field --layers '%s' --feature '%s': %s", layers, feature, err)
                .isIn(0, SuiteCli.USER_ERROR);
    }
}
