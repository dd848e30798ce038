package org.dl4jsuite.common.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.runtime.BackendInfo;
import org.dl4jsuite.common.runtime.ComputeBackend;

/**
 * A training run from the command's point of view: opens a new run folder (or the one being
 * resumed), starts the backend, records config.json, and hands out the configuration, the metrics log,
 * the checkpoints and, on resume, the network and state to continue from.
 *
 * @param <C> the module's configuration
 */
public final class TrainingRun<C extends TrainConfig> implements AutoCloseable {
    /** Checkpoints a run keeps: the newest three, so a damaged newest one still leaves two to resume from. */
    public static final int KEEP_CHECKPOINTS = 3;

    private final String module;
    private final RunDirectory directory;
    private final C config;
    private final RunOptions options;
    private final BackendInfo backend;
    private final MetricsLog metrics;
    private final Checkpoints checkpoints;
    private final Optional<Checkpoints.Checkpoint> resumeFrom;
    private final PrintStream console;

    private TrainingRun(String module, RunDirectory directory, C config, RunOptions options, BackendInfo backend,
                        Optional<Checkpoints.Checkpoint> resumeFrom, PrintStream console) {
        this.module = module;
        this.directory = directory;
        this.config = config;
        this.options = options;
        this.backend = backend;
        this.resumeFrom = resumeFrom;
        this.console = console;
        this.checkpoints = new Checkpoints(directory.checkpoints(), KEEP_CHECKPOINTS);
        this.metrics = new MetricsLog(directory.file("metrics.jsonl"));
    }

    /**
     * Starts a new run with {@code config}, or, with {@code --resume}, reopens a previous run and
     * takes its recorded configuration (of type {@code type}) and latest checkpoint; a resumed run
     * keeps its recorded epochs unless {@code epochsGiven} (then {@code config}'s epochs extend or shorten it).
     */
    public static <C extends TrainConfig> TrainingRun<C> start(String module, RunOptions options, C config,
                                                               Class<C> type, boolean epochsGiven, PrintStream console) {
        BackendInfo backend = ComputeBackend.initialise(options.threads());
        console.println(backend.summary());
        if (options.resume() == null) {
            RunDirectory dir = RunDirectory.create(options.out(), module);
            TrainingRun<C> run = new TrainingRun<>(module, dir, config, options, backend, Optional.empty(), console);
            run.writeConfig();
            console.println("run folder " + dir);
            return run;
        }
        RunDirectory dir = "latest".equals(options.resume())
                ? RunDirectory.latest(options.out(), module)
                : RunDirectory.open(Path.of(options.resume()));
        JsonNode recorded = Json.readTree(dir.file("config.json"));
        if (!module.equals(recorded.path("module").asText())) {
            throw new SuiteException(dir + " is a " + recorded.path("module").asText() + " run, not a " + module + " run");
        }
        C saved = Json.convert(recorded.get("config"), type);
        if (epochsGiven) {
            saved.epochs = config.epochs();
        }
        saved.validate();
        // The shuffle order and per-step randomness derive from the seed: a resumed run must keep its own.
        RunOptions resumed = new RunOptions(options.dataDir(), options.out(),
                recorded.path("options").path("seed").asLong(options.seed()), options.maxSteps(), options.threads(),
                options.resume(), options.checkpointEvery());
        Optional<Checkpoints.Checkpoint> checkpoint = new Checkpoints(dir.checkpoints(), KEEP_CHECKPOINTS)
                .latest(console::println);
        if (checkpoint.isEmpty()) {
            throw new SuiteException(dir + " has no checkpoint to resume from (it stopped before its first one); "
                    + "start a new run instead");
        }
        TrainingState state = checkpoint.get().state();
        // What was logged after the checkpoint is logged again by the resumed steps.
        checkpoint.get().metricsRecords().ifPresent(n -> MetricsLog.truncate(dir.file("metrics.jsonl"), n));
        console.printf("resuming %s from step %d (epoch %d, batch %d)%n", dir, state.step(), state.epoch() + 1,
                state.batchInEpoch());
        return new TrainingRun<>(module, dir, saved, resumed, backend, checkpoint, console);
    }

    public C config() {
        return config;
    }

    public RunDirectory directory() {
        return directory;
    }

    public RunOptions options() {
        return options;
    }

    public BackendInfo backend() {
        return backend;
    }

    public MetricsLog metrics() {
        return metrics;
    }

    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /** The checkpoint a resumed run continues from; empty for a new run. */
    public Optional<Checkpoints.Checkpoint> resumeFrom() {
        return resumeFrom;
    }

    /** The network saved in the checkpoint being resumed (with its updater state), or a new one from {@code build}. */
    public MultiLayerNetwork network(Supplier<MultiLayerNetwork> build) {
        return network(module, build);
    }

    /**
     * As {@link #network(Supplier)}, for a run whose models are {@code modelModule}'s (another engine training that
     * module's network, e.g. LeNet-5 on Spark, whose runs have a folder of their own).
     */
    public MultiLayerNetwork network(String modelModule, Supplier<MultiLayerNetwork> build) {
        return resumeFrom.map(c -> ModelFile.loadMultiLayer(c.modelFile(), modelModule, true)).orElseGet(build);
    }

    /** Where training starts: the checkpoint's state, or the beginning. */
    public TrainingState startState() {
        return resumeFrom.map(Checkpoints.Checkpoint::state).orElse(TrainingState.start());
    }

    private void writeConfig() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("module", module);
        record.put("started", OffsetDateTime.now().toString());
        record.put("config", config);
        record.put("options", options);
        record.put("backend", backend);
        record.put("java", System.getProperty("java.version"));
        Json.write(directory.file("config.json"), record);
    }

    /**
     * Closes the metrics log. A new run that trained nothing (it failed before its first step, e.g. on a missing
     * dataset) leaves no folder behind, so that {@code --resume latest} never picks an empty run.
     */
    @Override
    public void close() {
        boolean empty = metrics.records() == 0;
        metrics.close();
        if (resumeFrom.isEmpty() && empty && !java.nio.file.Files.exists(directory.checkpoints())
                && !java.nio.file.Files.exists(directory.file("model.zip"))) {
            directory.delete();
        }
    }
}
