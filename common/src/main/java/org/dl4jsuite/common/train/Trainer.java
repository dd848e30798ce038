package org.dl4jsuite.common.train;

import org.dl4jsuite.common.workarounds.LeanUpdater;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.dl4jsuite.common.runtime.MemoryFigures;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The suite's one training loop: epochs of batches from a {@link BatchSource}, one DL4J fit per
 * batch, a log line and a metrics record every N steps, per-epoch evaluation, checkpoints every N
 * steps and at each epoch end, a NaN guard, Ctrl-C handling and exact resume.
 */
public final class Trainer {

    /** How long to train and how often to log and checkpoint. {@code maxSteps <= 0} means no limit. */
    public record Settings(int epochs, long maxSteps, int logEvery, int checkpointEvery, int keepCheckpoints, long seed) {
    }

    /** Per-epoch evaluation: metric name to value (e.g. "test_accuracy"), logged and recorded. */
    @FunctionalInterface
    public interface EpochEvaluation {
        Map<String, Double> evaluate(int epochsDone);
    }

    /** Evaluation every N steps (e.g. validation loss and samples): metric name to value, logged and recorded. */
    @FunctionalInterface
    public interface StepEvaluation {
        Map<String, Double> evaluate(TrainingState state);
    }

    /** Called after every step with the state reached and that step's loss (e.g. a notebook's own log line). */
    @FunctionalInterface
    public interface StepHook {
        void afterStep(TrainingState state, double loss);
    }

    /**
     * One optimisation step on one batch. The default is DL4J's {@code fit}; a stateful step (e.g.
     * truncated BPTT with carried RNN state) replaces it and may keep state across batches, which it
     * then writes with every checkpoint.
     */
    public interface Step extends AutoCloseable {
        /** Plain {@code network.fit(batch)}: one update, the batch's score as loss. */
        Step FIT = (model, batch) -> {
            ((NeuralNetwork) model).fit(batch);
            return model.score();
        };

        /** Trains on {@code batch} and returns its loss. */
        double fit(Model model, DataSet batch);

        /** Called before the first batch of an epoch is trained, {@code skip} batches in (non-zero on resume). */
        default void startEpoch(Model model, int epoch, int skip) {
        }

        /** What the step counts as examples in {@code batch} (for the throughput figure). */
        default long examples(DataSet batch) {
            return batch.numExamples();
        }

        /** What {@link #examples} counts, for the log line's throughput ("ex", "char", "word"). */
        default String unit() {
            return "ex";
        }

        /** Writes the step's own state into a checkpoint folder that is being built. */
        default void save(Path checkpointDirectory) {
        }

        /**
         * Releases what the step opened (an engine such as a Spark context) once the run has finished, however it
         * ended; a step that wraps another closes it.
         */
        @Override
        default void close() {
        }
    }

    /** How a run ended: the state reached, why it stopped, and the last checkpoint written. */
    public record Result(TrainingState state, Outcome outcome, Optional<Checkpoints.Checkpoint> checkpoint) {
    }

    /** Why training stopped. */
    public enum Outcome { COMPLETED, MAX_STEPS, INTERRUPTED }

    private final Settings settings;
    private final Checkpoints checkpoints;
    private final ModelMetadata metadata;
    private final MetricsLog metrics;
    private final PrintStream console;
    private Step step = Step.FIT;
    private StepHook afterEachStep = (state, loss) -> { };
    private StepProgress progress = StepProgress.LINES;
    private int evaluateEvery;
    private StepEvaluation stepEvaluation;

    public Trainer(Settings settings, Checkpoints checkpoints, ModelMetadata metadata, MetricsLog metrics,
                   PrintStream console) {
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.metadata = metadata;
        this.metrics = metrics;
        this.console = console;
    }

    /** Uses {@code custom} instead of {@code fit} for each batch; returns this trainer. */
    public Trainer withStep(Step custom) {
        this.step = custom;
        return this;
    }

    /** Shows the steps with {@code shown} (a terminal's progress bar) instead of plain log lines; returns this trainer. */
    public Trainer withProgress(StepProgress shown) {
        this.progress = shown;
        return this;
    }

    /** Calls {@code hook} after every step, before the log line; returns this trainer. */
    public Trainer afterEachStep(StepHook hook) {
        this.afterEachStep = hook;
        return this;
    }

    /** Runs {@code evaluation} every {@code steps} steps (after the log line of that step); returns this trainer. */
    public Trainer evaluateEvery(int steps, StepEvaluation evaluation) {
        if (steps <= 0) {
            throw new IllegalArgumentException("evaluation interval must be positive, got " + steps);
        }
        this.evaluateEvery = steps;
        this.stepEvaluation = evaluation;
        return this;
    }

    /** Trains {@code model} from {@code start} until the epochs or max steps are done, or a stop is requested. */
    public Result train(Model model, BatchSource data, TrainingState start, EpochEvaluation evaluation,
                        StopSignal stop) {
        LeanUpdater.install(model);
        int batches = data.batchesPerEpoch();
        TrainingState state = start;
        Optional<Checkpoints.Checkpoint> last = Optional.empty();
        Window window = new Window();
        while (state.epoch() < settings.epochs()) {
            Iterator<DataSet> epoch = data.epoch(state.epoch(), state.batchInEpoch());
            step.startEpoch(model, state.epoch(), state.batchInEpoch());
            progress.startEpoch(String.format("epoch %d/%d", state.epoch() + 1, settings.epochs()), batches,
                    state.batchInEpoch());
            long epochExamples = 0;
            double epochSeconds = 0;
            while (epoch.hasNext()) {
                DataSet batch = epoch.next();
                // Reseeding per step makes dropout and other randomness a function of the step alone,
                // so a resumed run draws exactly what the uninterrupted run would have drawn.
                Nd4j.getRandom().setSeed(settings.seed() * 1_000_003L + state.step());
                long t0 = System.nanoTime();
                double loss = step.fit(model, batch);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!Double.isFinite(loss)) {
                    throw diverged(loss, state, last.or(checkpoints::latest));
                }
                state = state.afterBatch(loss, seconds);
                afterEachStep.afterStep(state, loss);
                long examples = step.examples(batch);
                progress.step(state.batchInEpoch(), loss, seconds > 0 ? examples / seconds : 0, step.unit());
                window.add(loss, examples, seconds);
                epochExamples += examples;
                epochSeconds += seconds;
                if (state.step() % settings.logEvery() == 0) {
                    logSteps(state, batches, window);
                }
                if (stepEvaluation != null && state.step() % evaluateEvery == 0) {
                    logEvaluation(state, stepEvaluation.evaluate(state));
                }
                boolean maxed = settings.maxSteps() > 0 && state.step() >= settings.maxSteps();
                if (state.step() % settings.checkpointEvery() == 0 || maxed || stop.requested()) {
                    last = Optional.of(checkpoint(model, state));
                }
                if (stop.requested()) {
                    progress.close();
                    console.printf("stopped at step %d; checkpoint %s (continue with --resume)%n",
                            state.step(), last.get().directory());
                    stop.acknowledge();
                    return new Result(state, Outcome.INTERRUPTED, last);
                }
                if (maxed) {
                    progress.close();
                    console.printf("reached --max-steps %d; checkpoint %s%n", settings.maxSteps(), last.get().directory());
                    return new Result(state, Outcome.MAX_STEPS, last);
                }
            }
            progress.close();
            double meanLoss = state.batchInEpoch() == 0 ? Double.NaN : state.epochLossSum() / state.batchInEpoch();
            Map<String, Double> evaluated = evaluation.evaluate(state.epoch() + 1);
            logEpoch(state, meanLoss, epochExamples, epochSeconds, evaluated);
            incrementEpochCount(model);
            state = state.nextEpoch();
            last = Optional.of(checkpoint(model, state));
        }
        return new Result(state, Outcome.COMPLETED, last);
    }

    /** A checkpoint with the step's extra files and the metrics record count, so a resume can drop later records. */
    private Checkpoints.Checkpoint checkpoint(Model model, TrainingState state) {
        long records = metrics.records();
        return checkpoints.save(model, metadata, state, folder -> {
            step.save(folder);
            Checkpoints.writeMetricsRecords(folder, records);
        });
    }

    /** DL4J counts epochs only in fit(iterator); per-epoch schedules need the count kept up to date. */
    private static void incrementEpochCount(Model model) {
        if (model instanceof org.deeplearning4j.nn.multilayer.MultiLayerNetwork mln) {
            mln.incrementEpochCount();
        } else if (model instanceof org.deeplearning4j.nn.graph.ComputationGraph graph) {
            graph.incrementEpochCount();
        }
    }

    private void logSteps(TrainingState state, int batches, Window window) {
        double loss = window.meanLoss();
        double rate = window.examplesPerSecond();
        if (!progress.replacesLogLines()) {
            console.printf("epoch %d/%d  step %d (%d/%d)  loss %.4f  %,.0f %s/s  %.1f s%n", state.epoch() + 1,
                    settings.epochs(), state.step(), state.batchInEpoch(), batches, loss, rate, step.unit(),
                    state.wallSeconds());
        }
        // Memory on every logged step, so a benchmark can report DL4J's peak heap and off-heap use.
        metrics.append(record("step", state, loss, rate, MemoryFigures.now()));
        window.reset();
    }

    private void logEvaluation(TrainingState state, Map<String, Double> evaluated) {
        StringBuilder line = new StringBuilder(String.format("step %d  evaluation", state.step()));
        evaluated.forEach((k, v) -> line.append(String.format("  %s %.4f", k, v)));
        console.println(line);
        metrics.append(record("eval", state, Double.NaN, Double.NaN, evaluated));
    }

    private void logEpoch(TrainingState state, double meanLoss, long examples, double seconds,
                          Map<String, Double> evaluated) {
        StringBuilder line = new StringBuilder(String.format("epoch %d/%d done  train loss %.4f",
                state.epoch() + 1, settings.epochs(), meanLoss));
        evaluated.forEach((k, v) -> line.append(String.format("  %s %.4f", k, v)));
        double rate = seconds > 0 ? examples / seconds : 0;
        line.append(String.format("  %,.0f %s/s  %.1f s", rate, step.unit(), state.wallSeconds()));
        console.println(line);
        metrics.append(record("epoch", state, meanLoss, rate, evaluated));
    }

    /** One metrics.jsonl record; loss and rate are left out when NaN (evaluation records have neither). */
    private static Map<String, Object> record(String type, TrainingState state, double loss, double rate,
                                              Map<String, Double> extra) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("step", state.step());
        record.put("epoch", state.epoch() + 1);
        if (!Double.isNaN(loss)) {
            record.put("loss", loss);
        }
        if (!Double.isNaN(rate)) {
            record.put("examples_per_s", rate);
        }
        record.put("wall_s", state.wallSeconds());
        record.putAll(extra);
        return record;
    }

    private static TrainingDivergedException diverged(double loss, TrainingState state,
                                                      Optional<Checkpoints.Checkpoint> last) {
        String kept = last.map(c -> "the last good checkpoint is " + c.directory()
                        + "; lower the learning rate and continue with --resume, or start again")
                .orElse("no checkpoint was written this session; lower the learning rate and start again");
        return new TrainingDivergedException(String.format("training diverged: the loss became %s at step %d "
                + "(epoch %d); stopped; %s", loss, state.step() + 1, state.epoch() + 1, kept));
    }

    /** Loss and throughput over the steps since the last log line. */
    private static final class Window {
        private double lossSum;
        private int batches;
        private long examples;
        private double seconds;

        void add(double loss, long n, double s) {
            lossSum += loss;
            batches++;
            examples += n;
            seconds += s;
        }

        double meanLoss() {
            return batches == 0 ? Double.NaN : lossSum / batches;
        }

        double examplesPerSecond() {
            return seconds > 0 ? examples / seconds : 0;
        }

        void reset() {
            lossSum = 0;
            batches = 0;
            examples = 0;
            seconds = 0;
        }
    }
}
