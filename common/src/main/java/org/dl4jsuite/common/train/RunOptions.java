package org.dl4jsuite.common.train;

import java.nio.file.Path;

/**
 * The options every training command shares: where data and runs live, the seed, a step limit, threads, how often
 * to checkpoint and whether to resume ({@code resume} is null for a new run, "latest" or a run folder). The
 * epochs are the module's configuration's.
 */
public record RunOptions(Path dataDir, Path out, long seed, long maxSteps, int threads, String resume,
                         int checkpointEvery) {
}
