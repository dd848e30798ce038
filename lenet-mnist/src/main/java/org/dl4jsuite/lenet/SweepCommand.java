package org.dl4jsuite.lenet;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.cli.RunsDirOption;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.report.ConfusionMatrix;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sweep.PointResult;
import org.dl4jsuite.common.sweep.Sweep;
import org.dl4jsuite.common.sweep.SweepGrid;
import org.dl4jsuite.common.sweep.SweepReport;
import org.dl4jsuite.common.train.RunDirectory;
import org.dl4jsuite.common.workarounds.NativeGarbage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code sweep}: a grid of ordinary train runs over list-valued train options, summarised over seeds. */
@Command(name = "sweep", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train every combination of the train options given as lists (e.g. --lr 0.1,0.01 "
                + "--optimizer sgd,adam --seeds 1,2,3; any train option), each point an ordinary run folder; then "
                + "write per-option loss and accuracy overlays, per-class test accuracy and a summary sorted by mean "
                + "test accuracy into runs/lenet-mnist-sweep/<time>/. A stopped sweep continues with --resume.")
public final class SweepCommand implements Callable<Integer> {
    /** The run-folder name of sweeps. */
    static final String SWEEPS = LeNetCommand.MODULE + "-sweep";
    /**
     * Native growth the final evaluation of the points may leave before collecting: without it the eight points of
     * bench/soak.sh's sweep took the RSS from 930 to 1,323 MiB in the last few seconds.
     */
    private static final double POINT_GARBAGE_MIB = 128;

    @Option(names = "--seeds", split = ",", paramLabel = "S", description = "Seeds every configuration runs with.")
    List<String> seeds = new ArrayList<>();

    @Mixin
    RunsDirOption out = new RunsDirOption();

    @Option(names = "--resume", paramLabel = "SWEEP_DIR", arity = "0..1", fallbackValue = "latest",
            description = "Continue a stopped sweep: its folder, or nothing for the latest under --out.")
    String resume;

    @Unmatched
    List<String> trainArgs = new ArrayList<>();

    @Override
    public Integer call() {
        RunDirectory folder = folder();
        SweepGrid grid = SweepGrid.of(trainArgs, seeds);
        if (grid.axes().containsKey("--dataset")) {
            throw new SuiteException("sweep one dataset at a time (their classes differ); drop the list from --dataset");
        }
        Sweep sweep = new Sweep(folder.path(), LeNetCommand.MODULE, grid);
        System.out.printf("sweep %s: %d points (%s)%n", folder, grid.points().size(),
                grid.axes().isEmpty() ? "no list-valued option" : String.join(", ", grid.axes().keySet()));
        int code = sweep.run(SweepCommand::check,
                args -> SuiteCli.execute(new LeNetCommand(), prepend("train", args)), System.out);
        if (code != 0) {
            return code;
        }
        System.out.println(ComputeBackend.initialise(0).summary());
        TrainCommand first = pointCommand(grid.points().get(0).trainArgs());
        LeNetConfig config = first.config;
        Path dataDir = first.dataDir();
        ImageClassData test = config.dataset().test(config.dataset().resolve(dataDir));
        NativeGarbage garbage = new NativeGarbage(POINT_GARBAGE_MIB);
        String table = new SweepReport(sweep, "test_accuracy", config.dataset().classNames())
                .write(run -> evaluate(run, test, garbage));
        System.out.print(table);
        System.out.println("sweep report " + folder.file("sweep.md"));
        return 0;
    }

    /** A new sweep folder recording its command line, or the one being resumed with its recorded command line. */
    private RunDirectory folder() {
        if (resume == null) {
            RunDirectory folder = RunDirectory.create(out.dir(), SWEEPS);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("trainArgs", trainArgs);
            record.put("seeds", seeds);
            Json.write(folder.file("config.json"), record);
            return folder;
        }
        RunDirectory folder = "latest".equals(resume) ? RunDirectory.latest(out.dir(), SWEEPS) : RunDirectory.open(Path.of(resume));
        if (!trainArgs.isEmpty() || !seeds.isEmpty()) {
            throw new SuiteException("--resume continues the sweep as it was recorded; give no other options");
        }
        JsonNode recorded = Json.readTree(folder.file("config.json"));
        recorded.path("trainArgs").forEach(a -> trainArgs.add(a.asText()));
        recorded.path("seeds").forEach(s -> seeds.add(s.asText()));
        return folder;
    }

    /** Parses and checks one point's train command line (the whole grid is checked before anything runs). */
    private static void check(List<String> args) {
        pointCommand(args);
    }

    /** The train command as it will run {@code args}: options parsed and its configuration checked. */
    private static TrainCommand pointCommand(List<String> args) {
        TrainCommand command = new TrainCommand();
        SuiteCli.parse(command, args);
        command.config.validate();
        return command;
    }

    private static PointResult evaluate(Path run, ImageClassData test, NativeGarbage garbage) {
        LeNetModelFiles.Loaded loaded = LeNetModelFiles.load(run.resolve("model.zip"));
        int[] predicted = Predictions.classes(loaded.network(), loaded.input(test.features()), 1000);
        // Each point's network and its oneDNN buffers are dead now, but a small heap would keep them until the end.
        garbage.check();
        ConfusionMatrix confusion = ConfusionMatrix.of(test.labelIndex(), predicted, test.classNames());
        return new PointResult(confusion.accuracy(), confusion.perClassAccuracy());
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
