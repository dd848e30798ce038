package org.dl4jsuite.common.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.AtomicFiles;

/**
 * One run's folder, {@code <out>/<module>/<timestamp>/}: config.json, metrics.jsonl, checkpoints/,
 * plots, report.md and the saved model all live here.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Creates a new, empty run folder under {@code outRoot/module}; a second run in the same second gets a suffix. */
    public static RunDirectory create(Path outRoot, String module) {
        Path parent = outRoot.resolve(module);
        ensureWritable(outRoot, parent);
        String stamp = LocalDateTime.now().format(STAMP);
        for (int i = 0; i < 1000; i++) {
            Path candidate = parent.resolve(i == 0 ? stamp : stamp + "-" + i);
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run started in the same second: try the next suffix
            } catch (IOException e) {
                throw notWritable(outRoot, e);
            }
        }
        throw new SuiteException("too many runs started in the same second under " + parent);
    }

    /** Opens an existing run folder (for --resume DIR); it must hold a config.json. */
    public static RunDirectory open(Path existing) {
        if (!Files.isRegularFile(existing.resolve("config.json"))) {
            throw new SuiteException(existing + " is not a run folder (no config.json there); pass the folder "
                    + "that a previous 'train' printed, or --resume alone for the latest run");
        }
        return new RunDirectory(existing);
    }

    /** The most recent run of {@code module} under {@code outRoot} (for a bare --resume). */
    public static RunDirectory latest(Path outRoot, String module) {
        Path parent = outRoot.resolve(module);
        if (Files.isDirectory(parent)) {
            try (Stream<Path> runs = Files.list(parent)) {
                var latest = runs.filter(p -> Files.isRegularFile(p.resolve("config.json")))
                        .max(Comparator.comparing(p -> p.getFileName().toString()));
                if (latest.isPresent()) {
                    return new RunDirectory(latest.get());
                }
            } catch (IOException e) {
                throw new SuiteException("cannot list " + parent + ": " + e.getMessage());
            }
        }
        throw new SuiteException("nothing to resume: no " + module + " run under " + parent
                + "; start one first, or pass --out where your runs are");
    }

    public Path path() {
        return path;
    }

    /** A file inside the run folder. */
    public Path file(String name) {
        return path.resolve(name);
    }

    /** Deletes the run folder and everything in it (best effort: what cannot be removed stays). */
    public void delete() {
        try {
            AtomicFiles.deleteTree(path);
        } catch (IOException e) {
            // A folder left behind costs a listing entry, not correctness.
        }
    }

    /** The run's checkpoint folder (created on demand by {@link Checkpoints}). */
    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static void ensureWritable(Path outRoot, Path parent) {
        try {
            Files.createDirectories(parent);
        } catch (IOException | SecurityException e) {
            throw notWritable(outRoot, e);
        }
        if (!Files.isWritable(parent)) {
            throw notWritable(outRoot, null);
        }
    }

    private static SuiteException notWritable(Path outRoot, Exception cause) {
        String why = cause == null ? "permission denied" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new SuiteException("cannot write runs under " + outRoot.toAbsolutePath() + " (" + why
                + "); pass --out with a folder you can write to");
    }
}
