package org.dl4jsuite.common.train;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.ui.TrainingUi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The skeleton every {@code train} command shares: open or resume the run folder, let the module
 * plan its training ({@link #plan}), train under the stop signal with checkpoints, then save the
 * model and write the report. A stopped run exits with {@value #INTERRUPTED} and can be resumed;
 * a module's command supplies only its configuration and its plan.
 *
 * @param <C> the module's configuration, which is also the command's option mixin
 */
public abstract class TrainingRecipe<C extends TrainConfig> implements Callable<Integer> {
    /** Exit code of a run stopped by Ctrl-C or a kill signal (its checkpoint is kept for {@code --resume}). */
    public static final int INTERRUPTED = 130;

    @Mixin
    protected TrainingOptions options = new TrainingOptions();

    @Spec
    CommandSpec spec;

    private final String module;
    private final Class<C> configType;

    /** A recipe for {@code module}'s runs, whose config.json holds a {@code configType}. */
    protected TrainingRecipe(String module, Class<C> configType) {
        this.module = module;
        this.configType = configType;
    }

    /** The configuration the command line asked for (the command's config mixin). */
    protected abstract C requested();

    /**
     * Reads the data and builds (or, on resume, loads with {@link TrainingRun#network}) the network:
     * everything this run's training needs. Whatever it prints comes before the first step.
     */
    protected abstract TrainingPlan plan(TrainingRun<C> run);

    /** The --data-dir this command was given, or null (a sweep reads its test set from the same place). */
    public java.nio.file.Path dataDir() {
        return options.dataDir();
    }

    /** With {@code --ui}, DL4J's training UI recording this run; null without. */
    private TrainingUi startUi(TrainingRun<C> run, TrainingPlan plan) {
        if (options.uiPort().isEmpty()) {
            return null;
        }
        TrainingUi ui = TrainingUi.serve(run.directory().file(TrainingUi.STATS_FILE), options.uiPort().getAsInt());
        plan.network().addListeners(ui.listener());
        System.out.println("training UI " + ui.url() + " (after the run: ui " + run.directory() + ")");
        return ui;
    }

    @Override
    public final Integer call() {
        C requested = requested();
        requested.validate();
        boolean epochsGiven = spec != null && spec.commandLine() != null
                && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--epochs");
        try (TrainingRun<C> run = TrainingRun.start(module, options.toRunOptions(requested.epochs()), requested,
                configType, epochsGiven, System.out)) {
            TrainingPlan plan = plan(run);
            Trainer.Result result;
            try (Trainer.Step step = plan.step(); StopSignal stop = StopSignal.onShutdown();
                 TrainingUi ui = startUi(run, plan)) {
                Trainer trainer = plan.configure(run.trainer(plan.metadata(), run.config().logEvery()));
                result = trainer.train(plan.network(), plan.batches(), run.startState(), plan.perEpoch(), stop);
            }
            if (result.outcome() == Trainer.Outcome.INTERRUPTED) {
                return INTERRUPTED;
            }
            Path model = run.directory().file("model.zip");
            System.out.println(plan.finish(result, model));
            System.out.println("model " + model);
            System.out.println("report " + run.directory().file("report.md"));
            return 0;
        }
    }
}
