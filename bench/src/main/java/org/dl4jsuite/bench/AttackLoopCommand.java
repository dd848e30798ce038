package org.dl4jsuite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.adversarial.AttackInputs;
import org.dl4jsuite.adversarial.ClassifierRunOptions;
import org.dl4jsuite.adversarial.FixedIterationAttack;
import org.dl4jsuite.adversarial.TargetModel;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.RunsDirOption;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.io.NumpyParameters;
import org.dl4jsuite.common.runtime.MemoryFigures;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.RunDirectory;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code attack}: a fixed number of iterations of the targeted Adam attack on AlexNet (torchvision-layout .npz
 * weights), timed per iteration into a metrics.jsonl; optionally writes the attacked pixels and targets as .npy
 * so reference/alexnet_attack.py runs the same work.
 */
@Command(name = "attack", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Time N iterations of the targeted Adam attack on AlexNet (no early stop); writes "
                + "runs/bench-attack/<time>/metrics.jsonl.")
public final class AttackLoopCommand implements Callable<Integer> {
    static final String MODULE = "bench-attack";

    @Option(names = "--weights", required = true, paramLabel = "NPZ", description = "AlexNet weights in torchvision's layout (.npz).")
    Path weights;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "JPEG/PNG photos; the first --images are attacked.")
    Path dir;

    @Option(names = "--images", description = "Photos attacked (each once per target).")
    int images = 4;

    @Option(names = "--targets", split = ",", description = "Target classes (the reference's 5,10,15).")
    List<Integer> targets = List.of(5, 10, 15);

    @Option(names = "--iterations", description = "Attack iterations.")
    int iterations = 20;

    @Option(names = "--lr", description = "Adam learning rate on the pixels (the reference's).")
    double lr = 0.005;

    @Option(names = "--threads", paramLabel = "N", description = "ND4J threads (0: all cores).")
    int threads;

    @Option(names = "--export", paramLabel = "DIR", description = "Also write pixels.npy [n,3,224,224] and targets.npy for the PyTorch reference.")
    Path export;

    @Mixin
    RunsDirOption out = new RunsDirOption();

    @Mixin
    ClassifierRunOptions runOptions = new ClassifierRunOptions();

    @Override
    public Integer call() throws IOException {
        FixedIterationAttack attack = new FixedIterationAttack(lr, iterations);
        System.out.println(runOptions.start(threads));
        TargetModel model = TargetModel.load(weights, runOptions.dataDir());
        if (model.channels() != 3) {
            throw new SuiteException("--weights must be AlexNet weights (.npz), got " + model.description());
        }
        targets.forEach(model::requireClass);
        AttackInputs.Targeted inputs = AttackInputs.fromDirectory(dir, model, runOptions.resize()).head(images)
                .withTargets(targets);
        int[] goal = inputs.targets();
        System.out.printf("model: %s%ninputs: %d examples (%s x targets %s)%n", model.description(), goal.length,
                inputs.inputs().source(), targets);
        if (export != null) {
            Files.createDirectories(export);
            NumpyParameters.writeArray(inputs.inputs().pixels(), export.resolve("pixels.npy"));
            NumpyParameters.writeArray(Nd4j.createFromArray(goal), export.resolve("targets.npy"));
        }
        RunDirectory run = RunDirectory.create(out.dir(), MODULE);
        Json.write(run.file("config.json"), Map.of("weights", weights.toString(), "dir", dir.toString(), "images", images,
                "targets", targets, "iterations", iterations, "lr", lr, "threads", threads));
        double[] wall = {0};
        try (MetricsLog metrics = new MetricsLog(run.file("metrics.jsonl"))) {
            attack.run(model.classifier(), inputs.inputs().pixels(), goal, it -> {
                wall[0] += it.seconds();
                double rate = goal.length / it.seconds();
                System.out.printf("iteration %d/%d  loss %.4f  at target %.0f%%  %.2f examples/s  %.1f s%n", it.number(),
                        iterations, it.meanLoss(), 100 * it.targetRate(), rate, wall[0]);
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("type", "step");
                record.put("step", it.number());
                record.put("epoch", 1);
                record.put("loss", it.meanLoss());
                record.put("target_rate", it.targetRate());
                record.put("examples_per_s", rate);
                record.put("wall_s", wall[0]);
                record.putAll(MemoryFigures.now());
                metrics.append(record);
            });
        }
        System.out.println("metrics " + run.file("metrics.jsonl"));
        return 0;
    }
}
