package org.dl4jsuite.common.train;

import java.nio.file.Path;

/**
 * The options every training command shares: where data and runs live, the seed, how long to train,
 * threads, and whether to resume ({@code resume} is null for a new run, "latest" or a run folder).
 */
public record RunOptions(Path dataDir, Path out, long seed, int epochs, long maxSteps, int threads,
                         String resume, int checkpointEvery) {
}
