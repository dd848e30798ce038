package org.dl4jsuite.common.train;

import java.io.PrintStream;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsuite.common.model.ModelMetadata;

/**
 * Writes the run's checkpoints: every {@code every} steps, at each epoch end, and when training stops early (a
 * stop request or --max-steps), each with the step's and the other parts' state and the count of metrics records,
 * so a resume drops later records. Last in the listener list, so a checkpoint holds every record of its step.
 */
public final class CheckpointWriter implements RunListener {
    private final Checkpoints checkpoints;
    private final Model network;
    private final ModelMetadata metadata;
    private final MetricsLog metrics;
    private final int every;
    private final List<CheckpointPart> parts;
    private final PrintStream console;
    private Checkpoints.Checkpoint last;

    /** Checkpoints of {@code network} into {@code checkpoints} every {@code every} steps, with {@code parts} beside it. */
    public CheckpointWriter(Checkpoints checkpoints, Model network, ModelMetadata metadata, MetricsLog metrics,
                            int every, List<CheckpointPart> parts, PrintStream console) {
        this.checkpoints = checkpoints;
        this.network = network;
        this.metadata = metadata;
        this.metrics = metrics;
        this.every = every;
        this.parts = List.copyOf(parts);
        this.console = console;
    }

    @Override
    public void onStep(StepDone step) {
        if (step.state().step() % every == 0) {
            write(step.state());
        }
    }

    @Override
    public void onEpochEnd(EpochDone epoch) {
        write(epoch.next());
    }

    @Override
    public void onTrainingEnd(TrainingLoop.Result result) {
        if (result.outcome() == TrainingLoop.Outcome.COMPLETED) {
            return;
        }
        if (last == null || !last.state().equals(result.state())) {
            write(result.state());
        }
        console.println(result.outcome() == TrainingLoop.Outcome.INTERRUPTED
                ? String.format("stopped at step %d; checkpoint %s (continue with --resume)", result.state().step(),
                        last.directory())
                : String.format("reached --max-steps %d; checkpoint %s", result.state().step(), last.directory()));
    }

    private void write(TrainingState state) {
        long records = metrics.records();
        last = checkpoints.save(network, metadata, state, folder -> {
            parts.forEach(part -> part.save(folder));
            Checkpoints.writeMetricsRecords(folder, records);
        });
    }
}
