package org.dl4jsuite.common.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dl4jsuite.common.Prerequisite;

/** Locates the real datasets in shared/data beside the repository; skips the calling test when absent (fails in CI). */
public final class SharedData {
    /** The user's override of the location: when set, the only place looked at. */
    public static final String ENV = "DL4J_SUITE_SHARED_DATA";
    /** The build's default location, {@code ../shared/data} beside the repository (set by the parent pom). */
    public static final String PROPERTY = "dl4j.suite.sharedData";
    private static final String CONTENTS = "mnist/, ptb/, tinyshakespeare/, imagenet/, models/tflite/";

    private SharedData() {
    }

    /**
     * The shared data directory (holding mnist/, ptb/, ...); where there is none, an aborted (skipped) test whose
     * reason says what is missing and how to provide it, or under CI ({@code CI=true}) an IllegalStateException.
     */
    public static Path dir() {
        return dir(System.getenv(ENV), System.getProperty(PROPERTY), Path.of(""), Prerequisite.ci());
    }

    static Path dir(String env, String property, Path workingDir, boolean ci) {
        List<Path> candidates = candidates(env, property, workingDir);
        Optional<Path> found = find(candidates);
        if (found.isEmpty()) {
            Prerequisite.require(false, missing(env, candidates), ci);
        }
        return found.orElseThrow();
    }

    /**
     * Where the data is looked for, in order: the environment variable alone when it is set; otherwise the build's
     * property, then {@code shared/data} beside the repository seen from a module's working directory, for runs
     * outside Maven.
     */
    static List<Path> candidates(String env, String property, Path workingDir) {
        if (env != null && !env.isBlank()) {
            return List.of(Path.of(env).toAbsolutePath().normalize());
        }
        Set<Path> candidates = new LinkedHashSet<>();
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property).toAbsolutePath().normalize());
        }
        candidates.add(workingDir.resolve("../../shared/data").toAbsolutePath().normalize());
        candidates.add(workingDir.resolve("../shared/data").toAbsolutePath().normalize());
        return List.copyOf(candidates);
    }

    /** The first candidate that holds the datasets (an mnist/ folder marks a copy of shared/data). */
    static Optional<Path> find(List<Path> candidates) {
        return candidates.stream().filter(dir -> Files.isDirectory(dir.resolve("mnist"))).findFirst();
    }

    private static String missing(String env, List<Path> candidates) {
        if (env != null && !env.isBlank()) {
            return "shared data not found: $" + ENV + " is " + candidates.get(0) + ", which has no mnist/ folder; point it"
                    + " at a copy of shared/data (" + CONTENTS + ") or unset it";
        }
        return "shared data not found: no mnist/ folder in " + String.join(", ", candidates.stream().map(Path::toString).toList())
                + "; put a copy of shared/data (" + CONTENTS + ") beside the repository, or set " + ENV + " to one";
    }
}
