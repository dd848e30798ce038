package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The shared-data locator: the user's variable wins over the build's default, and a missing copy says what to do. */
class SharedDataTest {
    @TempDir
    Path tmp;

    private Path copy(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name).resolve("mnist")).getParent();
    }

    @Test
    void theVariableWinsOverTheBuildsDefaultEvenWhereItHoldsNothing() throws IOException {
        Path buildDefault = copy("beside-the-repository");
        Path module = tmp.resolve("elsewhere/repository/module");
        Path users = copy("users");
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(SharedData.dir(users.toString(), buildDefault.toString(), module, false)).isEqualTo(users);
        assertThat(SharedData.dir(null, buildDefault.toString(), module, false)).isEqualTo(buildDefault);
        // Pointing the variable at an empty folder hides the data (the fresh-clone check in .ci/run relies on it).
        assertThatThrownBy(() -> SharedData.dir(empty.toString(), buildDefault.toString(), module, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("shared data not found: $DL4J_SUITE_SHARED_DATA is " + empty + ", which has no mnist/ folder;"
                        + " point it at a copy of shared/data (mnist/, ptb/, tinyshakespeare/, imagenet/, models/tflite/)"
                        + " or unset it");
    }

    @Test
    void withoutAnyCopyTheTestIsSkippedSayingWhereToPutOneAndCiFails() {
        Path nowhere = tmp.resolve("nowhere");
        Path module = tmp.resolve("repository/module");
        assertThat(SharedData.candidates(null, nowhere.toString(), module))
                .containsExactly(nowhere, tmp.resolve("shared/data"), tmp.resolve("repository/shared/data"));
        assertThatThrownBy(() -> SharedData.dir(null, nowhere.toString(), module, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("shared data not found: no mnist/ folder in " + nowhere + ", " + tmp.resolve("shared/data"))
                .hasMessageEndingWith("; put a copy of shared/data (mnist/, ptb/, tinyshakespeare/, imagenet/, models/tflite/)"
                        + " beside the repository, or set DL4J_SUITE_SHARED_DATA to one");
        assertThatThrownBy(() -> SharedData.dir(null, null, module, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CI must have it");
    }
}
