package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    private static RunReport sample() {
        return new RunReport("LeNet-5 on MNIST")
                .fact("dataset", "MNIST")
                .fact("epochs", 2)
                .fact("test accuracy", "98.9%")
                .section("Parameters", new MarkdownTable("layer", "params").row("conv1", 156).toString())
                .image("loss", "loss.png")
                .image("mistakes", "wrong digits.png");
    }

    @Test
    void writesTitleFactsSectionsAndImageLinksInOrder() throws IOException {
        Path file = sample().write(dir.resolve("run-1"));

        assertThat(file).isEqualTo(dir.resolve("run-1").resolve("report.md"));
        assertThat(Files.readString(file)).isEqualTo(
                "# LeNet-5 on MNIST\n"
              + "\n"
              + "- **dataset:** MNIST\n"
              + "- **epochs:** 2\n"
              + "- **test accuracy:** 98.9%\n"
              + "\n"
              + "## Parameters\n"
              + "\n"
              + "| layer | params |\n"
              + "| ----- | -----: |\n"
              + "| conv1 |    156 |\n"
              + "\n"
              + "![loss](loss.png)\n"
              + "\n"
              + "![mistakes](wrong%20digits.png)\n");
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
        new RunReport("first").write(dir);
        new RunReport("second").write(dir);

        assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo("# second\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("report.md"));
        }
    }

    @Test
    void unwritableDirectoryGivesActionableSuiteException() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> sample().write(notADirectory.resolve("sub")))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(notADirectory.resolve("sub").resolve("report.md").toString())
                .hasMessageContaining("choose another output path");
    }

    @Test
    void imageMustLieInTheReportDirectory() {
        assertThatThrownBy(() -> new RunReport("t").image("x", "../x.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
