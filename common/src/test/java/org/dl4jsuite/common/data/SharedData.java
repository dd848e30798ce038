package org.dl4jsuite.common.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/** Locates the real datasets in shared/data beside the repository; skips the calling test when absent (fails in CI). */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data directory (holding mnist/, ptb/, ...), or an aborted (skipped) test. */
    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("DL4J_SUITE_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        // Relative to the module directory (surefire's working directory), for runs outside Maven.
        candidates.add(Path.of("../../shared/data"));
        candidates.add(Path.of("../shared/data"));
        Path found = candidates.stream()
                .filter(dir -> Files.isDirectory(dir.resolve("mnist")))
                .findFirst()
                .orElse(null);
        if (found == null && "true".equals(System.getenv("CI"))) {
            // In CI the data must be there: a silently skipped real-data test would prove nothing.
            throw new IllegalStateException("shared data not found in any of " + candidates);
        }
        Assumptions.assumeTrue(found != null, "shared data not found in any of " + candidates);
        return found.toAbsolutePath().normalize();
    }
}
