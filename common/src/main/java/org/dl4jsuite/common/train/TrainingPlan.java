package org.dl4jsuite.common.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;

/**
 * What a module hands the {@link TrainingRecipe}: the network, its batches and metadata, and the
 * module's own parts of training (a custom step, evaluations, how the model is saved, the report).
 */
public final class TrainingPlan {
    /** Writes the run's report once training has finished and returns the line that sums it up. */
    @FunctionalInterface
    public interface Report {
        String write(Trainer.Result result);
    }

    /** Writes the final model to {@code file}; the default saves the network as it ended. */
    @FunctionalInterface
    public interface ModelSaver {
        void save(Trainer.Result result, Path file);
    }

    private final Model network;
    private final BatchSource batches;
    private final ModelMetadata metadata;
    private Trainer.Step step = Trainer.Step.FIT;
    private Trainer.StepHook afterEachStep;
    private int evaluateEvery;
    private Trainer.StepEvaluation stepEvaluation;
    private Trainer.EpochEvaluation perEpoch = epochs -> Map.of();
    private ModelSaver saver;
    private Report report;

    private TrainingPlan(Model network, BatchSource batches, ModelMetadata metadata) {
        this.network = Objects.requireNonNull(network, "network");
        this.batches = Objects.requireNonNull(batches, "batches");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.saver = (result, file) -> ModelFile.save(network, file, false, metadata);
    }

    /** Trains {@code network} on {@code batches}; {@code metadata} goes into every checkpoint and the model zip. */
    public static TrainingPlan of(Model network, BatchSource batches, ModelMetadata metadata) {
        return new TrainingPlan(network, batches, metadata);
    }

    /** Uses {@code custom} instead of DL4J's {@code fit} for each batch; it is closed once the run has finished. */
    public TrainingPlan step(Trainer.Step custom) {
        this.step = custom;
        return this;
    }

    /** Calls {@code hook} after every step (e.g. a reference notebook's own log line). */
    public TrainingPlan afterEachStep(Trainer.StepHook hook) {
        this.afterEachStep = hook;
        return this;
    }

    /** Runs {@code evaluation} every {@code steps} steps. */
    public TrainingPlan evaluateEvery(int steps, Trainer.StepEvaluation evaluation) {
        this.evaluateEvery = steps;
        this.stepEvaluation = evaluation;
        return this;
    }

    /** Runs {@code evaluation} at the end of every epoch (none by default). */
    public TrainingPlan evaluateEachEpoch(Trainer.EpochEvaluation evaluation) {
        this.perEpoch = evaluation;
        return this;
    }

    /** Saves the final model with {@code custom} instead of writing the network as it ended. */
    public TrainingPlan saveModel(ModelSaver custom) {
        this.saver = custom;
        return this;
    }

    /** Writes the report with {@code writer} (required). */
    public TrainingPlan report(Report writer) {
        this.report = writer;
        return this;
    }

    Model network() {
        return network;
    }

    BatchSource batches() {
        return batches;
    }

    ModelMetadata metadata() {
        return metadata;
    }

    /** The step, which the run closes when it has finished. */
    Trainer.Step step() {
        return step;
    }

    Trainer.EpochEvaluation perEpoch() {
        return perEpoch;
    }

    /** Gives {@code trainer} this plan's step, hook and step evaluation. */
    Trainer configure(Trainer trainer) {
        trainer.withStep(step);
        if (afterEachStep != null) {
            trainer.afterEachStep(afterEachStep);
        }
        if (stepEvaluation != null) {
            trainer.evaluateEvery(evaluateEvery, stepEvaluation);
        }
        return trainer;
    }

    /** Saves the model to {@code file}, writes the report and returns its summary line. */
    String finish(Trainer.Result result, Path file) {
        if (report == null) {
            throw new IllegalStateException("a training plan needs a report");
        }
        saver.save(result, file);
        return report.write(result);
    }
}
