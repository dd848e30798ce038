package org.dl4jsuite.common.train;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.MemoryLimits;
import org.dl4jsuite.common.runtime.MemorySampler;
import org.dl4jsuite.common.workarounds.NativeGarbage;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The suite's one training loop: epochs of batches, one {@link Step} per batch, and the run's listeners told of
 * every step and epoch (they log, evaluate, record and checkpoint). It reseeds ND4J per step, stops on a
 * non-finite loss, at --max-steps or on a stop request, and resumes from any state exactly.
 */
public final class TrainingLoop {
    /** How a run ended: the state reached and why it stopped. */
    public record Result(TrainingState state, Outcome outcome) {
    }

    /** Why training stopped. */
    public enum Outcome { COMPLETED, MAX_STEPS, INTERRUPTED }

    /**
     * Resident growth, in MiB, after which a step ends with a full collection and a malloc trim: arrays promoted to
     * the old generation, the training UI's dead objects and freed malloc pages otherwise stay resident (the word
     * LM's soak climbed 820 to 911 MiB within an epoch, the UI's 700 to 808 MiB in 40 minutes).
     */
    private static final double STEP_GARBAGE_MIB = 48;

    private final int epochs;
    private final long maxSteps;
    private final long seed;
    private final Checkpoints checkpoints;

    /**
     * A loop over {@code epochs} epochs, stopping after {@code maxSteps} steps in all ({@code <= 0}: no limit), with
     * per-step randomness from {@code seed}; a divergence names the latest of {@code checkpoints}.
     */
    public TrainingLoop(int epochs, long maxSteps, long seed, Checkpoints checkpoints) {
        this.epochs = epochs;
        this.maxSteps = maxSteps;
        this.seed = seed;
        this.checkpoints = checkpoints;
    }

    /** Trains {@code training} from {@code start} until the epochs or max steps are done, or {@code stop} is requested. */
    public Result train(Training<?> training, TrainingState start, StopSignal stop) {
        try {
            return trainUntilDone(training, start, stop);
        } catch (OutOfMemoryError e) {
            // Nothing of the step that ran out is kept: the last checkpoint stays as it was written.
            throw new SuiteException(MemoryLimits.explain(e).orElseThrow() + "; " + keptCheckpoint("start again"), e);
        }
    }

    private Result trainUntilDone(Training<?> training, TrainingState start, StopSignal stop) {
        Step step = training.step();
        List<RunListener> listeners = training.listeners();
        NativeGarbage garbage = new NativeGarbage(STEP_GARBAGE_MIB);
        listeners.forEach(l -> l.onTrainingBegin(start));
        MemorySampler.phase("train");
        TrainingState state = start;
        while (state.epoch() < epochs) {
            TrainingState begin = state;
            step.startEpoch(state.epoch(), state.batchInEpoch());
            listeners.forEach(l -> l.onEpochBegin(begin, training.batches().batchesPerEpoch()));
            Iterator<DataSet> batches = training.batches().epoch(state.epoch(), state.batchInEpoch());
            while (batches.hasNext()) {
                DataSet batch = batches.next();
                // Per-step seeds make dropout and other randomness a function of the step alone, so a resumed run
                // draws exactly what the uninterrupted run would have drawn.
                Nd4j.getRandom().setSeed(seed * 1_000_003L + state.step());
                long t0 = System.nanoTime();
                double loss = step.fit(batch);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!Double.isFinite(loss)) {
                    throw diverged(loss, state);
                }
                state = state.afterBatch(loss, seconds);
                RunListener.StepDone done = new RunListener.StepDone(state, loss, step.examples(batch), seconds,
                        step.unit(), new LinkedHashMap<>());
                listeners.forEach(l -> l.onStep(done));
                garbage.check();
                if (stop.requested() || (maxSteps > 0 && state.step() >= maxSteps)) {
                    boolean interrupted = stop.requested();
                    Result result = end(listeners, new Result(state, interrupted ? Outcome.INTERRUPTED : Outcome.MAX_STEPS));
                    if (interrupted) {
                        stop.acknowledge();             // the stop's checkpoint is written: the process may exit
                    }
                    return result;
                }
            }
            double meanLoss = state.batchInEpoch() == 0 ? Double.NaN : state.epochLossSum() / state.batchInEpoch();
            // DL4J counts epochs only in fit(iterator); per-epoch schedules need the count kept up to date.
            training.network().incrementEpochCount();
            state = state.nextEpoch();
            RunListener.EpochDone done = new RunListener.EpochDone(state.epoch(), state, meanLoss, new LinkedHashMap<>());
            listeners.forEach(l -> l.onEpochEnd(done));
        }
        return end(listeners, new Result(state, Outcome.COMPLETED));
    }

    private static Result end(List<RunListener> listeners, Result result) {
        MemorySampler.phase("finish");
        listeners.forEach(l -> l.onTrainingEnd(result));
        return result;
    }

    private TrainingDivergedException diverged(double loss, TrainingState state) {
        return new TrainingDivergedException(String.format("training diverged: the loss became %s at step %d "
                + "(epoch %d); stopped; lower the learning rate: %s", loss, state.step() + 1, state.epoch() + 1,
                keptCheckpoint("start again")));
    }

    /** Where the run can go on from: the last checkpoint and --resume, or {@code otherwise} when there is none. */
    private String keptCheckpoint(String otherwise) {
        return checkpoints.latest().map(c -> "the last good checkpoint is " + c.directory() + "; continue with --resume")
                .orElse("no checkpoint was written yet; " + otherwise);
    }
}
