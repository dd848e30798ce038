package org.dl4jsuite.common.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelMetadata;

/**
 * A module's training as data, built by one function per module from its run: the network, the batches, the step
 * that trains one batch, the module's listeners (evaluations, notebook log lines), the state saved beside the model
 * in checkpoints, the model's metadata and how the run finishes (the final model and the report). A command trains
 * it with {@link TrainingSession}; another engine (Spark, ParallelWrapper) trains the same value with its own step
 * and batches ({@link #withStep}, {@link #withBatches}).
 *
 * @param <B> the batches' type, so an engine can regroup them
 */
public record Training<B extends BatchSource>(MultiLayerNetwork network, B batches, Step step,
                                              List<RunListener> listeners, List<CheckpointPart> checkpointed,
                                              ModelMetadata metadata, Finish finish) {
    /** Saves the final model to {@code file} and writes the report; returns the line that sums the run up. */
    @FunctionalInterface
    public interface Finish {
        String finish(TrainingLoop.Result result, Path file);
    }

    public Training {
        listeners = List.copyOf(listeners);
        checkpointed = List.copyOf(checkpointed);
    }

    /** The same training with every step made by {@code engine} (which the run closes). */
    public Training<B> withStep(Step engine) {
        return new Training<>(network, batches, engine, listeners, checkpointed, metadata, finish);
    }

    /** The same training on {@code regrouped} batches (e.g. one averaging round of an engine per batch). */
    public <R extends BatchSource> Training<R> withBatches(R regrouped) {
        return new Training<>(network, regrouped, step, listeners, checkpointed, metadata, finish);
    }

    /** The same training without its listeners of type {@code kind} (e.g. a log line that counts the module's own steps). */
    public Training<B> without(Class<? extends RunListener> kind) {
        return new Training<>(network, batches, step, listeners.stream().filter(l -> !kind.isInstance(l)).toList(),
                checkpointed, metadata, finish);
    }

    /** The same training with {@code more} listeners after the module's (the run's log, records and checkpoints). */
    public Training<B> followedBy(List<RunListener> more) {
        List<RunListener> all = new ArrayList<>(listeners);
        all.addAll(more);
        return new Training<>(network, batches, step, all, checkpointed, metadata, finish);
    }
}
