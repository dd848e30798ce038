package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void runsGoUnderOutModuleTimestampAndNeverCollide() {
        RunDirectory a = RunDirectory.create(tmp, "lenet-mnist");
        RunDirectory b = RunDirectory.create(tmp, "lenet-mnist");
        assertThat(a.path().getParent()).isEqualTo(tmp.resolve("lenet-mnist"));
        assertThat(a.path().getFileName().toString()).matches("\\d{8}-\\d{6}(-\\d+)?");
        assertThat(b.path()).isNotEqualTo(a.path());
    }

    @Test
    void anOutputPathThatCannotBeAFolderIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> RunDirectory.create(file, "lenet-mnist"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("cannot write runs under")
                .hasMessageContaining("--out");
    }

    @Test
    void latestPicksTheNewestRunWithAConfig() throws IOException {
        Path old = Files.createDirectories(tmp.resolve("m/20240101-000000"));
        Files.writeString(old.resolve("config.json"), "{}");
        Path newer = Files.createDirectories(tmp.resolve("m/20250101-000000"));
        Files.writeString(newer.resolve("config.json"), "{}");
        Files.createDirectories(tmp.resolve("m/20260101-000000"));
        assertThat(RunDirectory.latest(tmp, "m").path()).isEqualTo(newer);
    }

    @Test
    void nothingToResumeSaysWhatToDo() {
        assertThatThrownBy(() -> RunDirectory.latest(tmp, "m")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("nothing to resume");
        assertThatThrownBy(() -> RunDirectory.open(tmp)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a run folder");
    }
}
