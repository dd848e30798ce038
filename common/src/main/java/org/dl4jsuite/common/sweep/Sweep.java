package org.dl4jsuite.common.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.StepProgress;

/**
 * A sweep's folder and its points' runs: each point is an ordinary run folder under
 * {@code points/<configuration>_seed=<s>/<module>/}, so a stopped sweep resumes by skipping the points that
 * finished (their model.zip exists) and resuming the one that has a checkpoint.
 */
public final class Sweep {
    /** Exit code of a run stopped by a signal; the sweep stops too and can be resumed. */
    public static final int INTERRUPTED = 130;
    /** Exit code of a point that failed on its input (e.g. diverged); the sweep goes on. */
    public static final int USER_ERROR = 2;

    private final Path folder;
    private final String module;
    private final SweepGrid grid;

    public Sweep(Path folder, String module, SweepGrid grid) {
        this.folder = folder;
        this.module = module;
        this.grid = grid;
    }

    public Path folder() {
        return folder;
    }

    public SweepGrid grid() {
        return grid;
    }

    /** The varied options in order. */
    public List<String> axisOrder() {
        return new ArrayList<>(grid.axes().keySet());
    }

    /** Where the point's run folder goes. */
    public Path pointRoot(SweepPoint point) {
        return folder.resolve("points").resolve(point.folderName(axisOrder()));
    }

    /** The point's run folder, once its run has started. */
    public Optional<Path> runFolder(SweepPoint point) {
        Path runs = pointRoot(point).resolve(module);
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(runs)) {
            return all.filter(Files::isDirectory).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new SuiteException("cannot list " + runs + ": " + e.getMessage());
        }
    }

    /** Whether the point's run finished (its final model is written). */
    public boolean finished(SweepPoint point) {
        return runFolder(point).map(run -> Files.exists(run.resolve("model.zip"))).orElse(false);
    }

    /**
     * Checks every point's command line with {@code check} (a user error names the point), then runs each
     * unfinished one with {@code train} (the module's train command line → its exit code): a new run, or
     * {@code --resume} of the point's stopped run. A point that fails with a user error (e.g. diverged) is left
     * out and the sweep goes on; a stopped or crashed one stops the sweep, whose exit code it returns.
     */
    public int run(Consumer<List<String>> check, Function<List<String>, Integer> train, PrintStream console) {
        List<SweepPoint> points = grid.points();
        int failed = 0;
        for (SweepPoint point : points) {
            try {
                check.accept(point.trainArgs());
            } catch (SuiteException e) {
                throw new SuiteException("sweep point " + point.label(axisOrder()) + ": " + e.getMessage(), e);
            }
        }
        SweepProgress progress = new SweepProgress(points.size(), System.nanoTime());
        for (int i = 0; i < points.size(); i++) {
            SweepPoint point = points.get(i);
            String label = point.label(axisOrder()) + (point.seed() == null ? "" : "  seed " + point.seed());
            String name = String.format("point %d/%d  %s", i + 1, points.size(), label);
            if (finished(point)) {
                console.println(name + ": done");
                continue;
            }
            console.println(progress.line(i, System.nanoTime()));
            List<String> args = new ArrayList<>(point.trainArgs());
            Optional<Path> stopped = runFolder(point)
                    .filter(run -> Files.isDirectory(run.resolve("checkpoints")));
            args.add("--out");
            args.add(pointRoot(point).toString());
            if (stopped.isPresent()) {
                args.add("--resume");
                args.add(stopped.get().toString());
                console.println(name + ": resuming " + stopped.get());
            } else {
                console.println(name + ": training");
            }
            int code = StepProgress.withTaskPrefix(String.format("%d/%d %s ", i + 1, points.size(), label),
                    () -> train.apply(args));
            progress.trained();
            if (code == USER_ERROR) {
                // e.g. a learning rate that makes training diverge: the grid's other points still run
                console.println(name + ": failed (see its message above); the sweep goes on without it");
                failed++;
            } else if (code != 0) {
                console.println(name + (code == INTERRUPTED ? ": stopped; continue with sweep --resume "
                        + folder : ": failed with exit code " + code));
                return code;
            }
        }
        console.println(progress.line(points.size(), System.nanoTime()));
        if (failed > 0) {
            console.println(failed + " of " + points.size() + " points failed; the report leaves them out");
        }
        return 0;
    }
}
