package org.dl4jsuite.distributed;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.train.RunDirectory;

/**
 * How a distributed run splits its batches: {@code workers} replicas, each training {@code averagingFrequency}
 * batches between two averagings of their parameters and updater state. One training step is one such round
 * ({@link #roundBatches} batches); the settings are recorded in the run folder, so a resumed run counts its
 * steps the same way.
 */
public record WorkerSettings(int workers, int averagingFrequency) {
    /** The file in the run folder that records them. */
    public static final String FILE = "workers.json";

    public WorkerSettings {
        OptionChecks.positive("--workers", workers);
        OptionChecks.positive("--averaging-frequency", averagingFrequency);
    }

    /** Batches in one averaging round: one step of the training loop. */
    public int roundBatches() {
        return workers * averagingFrequency;
    }

    /**
     * The settings {@code run} trains with: those recorded in its folder when it is resumed (a different
     * {@code requested} is reported and ignored), else {@code requested}, then recorded.
     */
    public static WorkerSettings forRun(RunDirectory run, WorkerSettings requested) {
        Path file = run.file(FILE);
        if (Files.exists(file)) {
            WorkerSettings recorded;
            try {
                recorded = Json.convert(Json.readTree(file), WorkerSettings.class);
            } catch (RuntimeException e) {
                throw new SuiteException(file + " is not a workers record (" + e.getMessage() + "); restore it from "
                        + "the run's copy or start a new run");
            }
            if (!recorded.equals(requested)) {
                System.out.printf("resumed run keeps its %d workers averaging every %d batches%n", recorded.workers(),
                        recorded.averagingFrequency());
            }
            return recorded;
        }
        Json.write(file, requested);
        return requested;
    }
}
