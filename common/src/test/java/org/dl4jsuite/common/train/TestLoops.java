package org.dl4jsuite.common.train;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The training loop as a run drives it, for tests: a quiet console log, metrics records every 2 steps, checkpoints. */
public final class TestLoops {
    private TestLoops() {
    }

    /**
     * Trains {@code net} on {@code data} with {@code step} for {@code epochs} epochs from {@code start} (at most
     * {@code maxSteps}, 0: no limit), the listeners {@code module} first, then the run's: metrics.jsonl in
     * {@code dir}, checkpoints every {@code checkpointEvery} steps in {@code dir/ckpt} (2 kept), per-step seeds from
     * {@code seed}.
     */
    public static TrainingLoop.Result train(Path dir, MultiLayerNetwork net, BatchSource data, Step step,
                                            List<RunListener> module, int epochs, long maxSteps, int checkpointEvery,
                                            long seed, TrainingState start, StopSignal stop) {
        try (MetricsLog metrics = new MetricsLog(dir.resolve("metrics.jsonl"))) {
            Checkpoints checkpoints = new Checkpoints(dir.resolve("ckpt"), 2);
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            List<RunListener> listeners = new ArrayList<>(module);
            listeners.add(new ConsoleLog(epochs, 2, StepProgress.LINES, quiet));
            listeners.add(new MetricsRecords(metrics, 2));
            listeners.add(new CheckpointWriter(checkpoints, net, TinyClassifier.metadata(), metrics, checkpointEvery,
                    List.of(step), quiet));
            Training<BatchSource> training = new Training<>(net, data, step, listeners, List.of(),
                    TinyClassifier.metadata(), (result, file) -> "");
            return new TrainingLoop(epochs, maxSteps, seed, checkpoints).train(training, start, stop);
        }
    }
}
