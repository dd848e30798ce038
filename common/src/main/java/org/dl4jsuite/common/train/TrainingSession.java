package org.dl4jsuite.common.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.ui.TrainingUi;

/**
 * What every {@code train} command does with its module's {@link Training}: open or resume the run folder, build
 * the training, put the run's listeners after the module's (console log, metrics records, the UI's stats with
 * {@code --ui}, checkpoints), train it in the {@link TrainingLoop} under the stop signal, then save the model and
 * write the report. A stopped run exits with {@value #INTERRUPTED} and can be resumed.
 */
public final class TrainingSession {
    /** Exit code of a run stopped by Ctrl-C or a kill signal (its checkpoint is kept for {@code --resume}). */
    public static final int INTERRUPTED = 130;

    private TrainingSession() {
    }

    /**
     * Trains {@code module}'s {@code requested} configuration (of type {@code type}, which config.json records) with
     * the shared {@code options}, as {@code build} makes it from the run. Returns the command's exit code.
     */
    public static <C extends TrainConfig> int train(String module, TrainingOptions options, C requested, Class<C> type,
                                                    Function<TrainingRun<C>, Training<?>> build) {
        requested.validate();
        try (TrainingRun<C> run = TrainingRun.start(module, options.toRunOptions(), requested, type,
                options.epochsGiven(), System.out)) {
            Training<?> training = build.apply(run);
            TrainingLoop.Result result;
            try (Step step = training.step(); StopSignal stop = StopSignal.onShutdown();
                 TrainingUi ui = startUi(options, run)) {
                result = train(run, training, ui, stop);
            }
            if (result.outcome() == TrainingLoop.Outcome.INTERRUPTED) {
                return INTERRUPTED;
            }
            Path model = run.directory().file("model.zip");
            System.out.println(training.finish().finish(result, model));
            System.out.println("model " + model);
            System.out.println("report " + run.directory().file("report.md"));
            return 0;
        }
    }

    /**
     * Trains {@code training} in {@code run}: on resume its step and checkpoint parts continue from the run's
     * checkpoint, then the loop runs from the run's state with the run's listeners after the module's ({@code ui}
     * may be null).
     */
    public static TrainingLoop.Result train(TrainingRun<?> run, Training<?> training, TrainingUi ui, StopSignal stop) {
        run.resumeFrom().ifPresent(checkpoint -> {
            training.step().restore(checkpoint.directory());
            training.checkpointed().forEach(part -> part.restore(checkpoint.directory()));
        });
        TrainingLoop loop = new TrainingLoop(run.config().epochs(), run.options().maxSteps(), run.options().seed(),
                run.checkpoints());
        return loop.train(training.followedBy(runListeners(run, training, ui)), run.startState(), stop);
    }

    /** The run's own listeners, in order: console, metrics.jsonl, the UI's stats, and last the checkpoints. */
    private static List<RunListener> runListeners(TrainingRun<?> run, Training<?> training, TrainingUi ui) {
        int logEvery = run.config().logEvery();
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new ConsoleLog(run.config().epochs(), logEvery,
                StepProgress.forConsole(), System.out));
        listeners.add(new MetricsRecords(run.metrics(), logEvery));
        if (ui != null) {
            listeners.add(ui.recording(training.network()));
        }
        List<CheckpointPart> parts = new ArrayList<>();
        parts.add(training.step());
        parts.addAll(training.checkpointed());
        listeners.add(new CheckpointWriter(run.checkpoints(), training.network(), training.metadata(), run.metrics(),
                run.options().checkpointEvery(), parts, System.out));
        return listeners;
    }

    /** With {@code --ui}, DL4J's training UI recording this run; null without. */
    private static TrainingUi startUi(TrainingOptions options, TrainingRun<?> run) {
        if (options.uiPort().isEmpty()) {
            return null;
        }
        TrainingUi ui = TrainingUi.serve(run.directory().file(TrainingUi.STATS_FILE), options.uiPort().getAsInt());
        System.out.println("training UI " + ui.url() + " (after the run: ui " + run.directory() + ")");
        return ui;
    }
}
