package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.DataDirOption;
import org.dl4jsuite.common.cli.ImplementationOption;
import org.dl4jsuite.common.data.MnistVariant;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.MarkdownTable;
import org.dl4jsuite.common.report.RunReport;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.train.RunDirectory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code attack}: runs one attack per eps on images or a test set; table, accuracy plot, panels, report. */
@Command(name = "attack", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Attack AlexNet (.npz weights), a TFLite classifier or a suite model.zip (e.g. a LeNet) and report success, norms and "
                + "iterations per eps; writes runs/adversarial/<time>/.")
public final class AttackCommand implements Callable<Integer> {
    private static final AttackConfig DEFAULTS = AttackConfig.defaults();

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--dir", paramLabel = "DIR", description = "Attack the JPEG/PNG images in DIR (repeatable).")
    List<Path> dir;

    @Option(names = "--dataset", description = "Attack test images of mnist or fashion instead (28x28 models).")
    String dataset;

    @Option(names = "--count", description = "Test images with --dataset.")
    int count = 500;

    @Option(names = "--attack", description = "fgsm, bim, pgd (L-inf, random start), pgd-l2, cw (Carlini-Wagner L2) or adam (the reference's targeted attack).")
    String attack = DEFAULTS.attack();

    @Option(names = "--eps", description = "Comma-separated budgets, fractions allowed (pixels in [0,1]).")
    String eps = "2/255,4/255,8/255";

    @Option(names = "--steps", description = "Iterations (PGD/BIM steps; the iteration limit for adam and cw).")
    int steps = DEFAULTS.steps();

    @Option(names = "--step-size", description = "PGD/BIM step; 0 = 2.5*eps/steps.")
    double stepSize = DEFAULTS.stepSize();

    @Option(names = "--lr", description = "Adam learning rate of the targeted attack (the reference's 0.005).")
    double lr = DEFAULTS.adamLearningRate();

    @Option(names = "--cw-c", description = "C&W weight c of the classification term.")
    double cwC = DEFAULTS.cwC();

    @Option(names = "--targets", split = ",", description = "Target classes; every image is attacked once per target (reference: 5,10,15).")
    List<Integer> targets;

    @Option(names = "--batch-size", description = "Examples attacked together.")
    int batchSize = 100;

    @Option(names = "--panels", description = "Original | adversarial | perturbation PNGs written per eps (first N examples).")
    int panels = 4;

    @Option(names = "--out", description = "Where run folders go.")
    Path out = Path.of("runs");

    @Option(names = "--seed", description = "Seed of PGD's random start.")
    long seed = DEFAULTS.seed();

    @Mixin
    ResizeOption resize = new ResizeOption();

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    ImplementationOption impl = new ImplementationOption();

    @Override
    public Integer call() {
        AttackConfig config = new AttackConfig(attack, AttackConfig.parseEps(eps), steps, stepSize, lr, cwC,
                DEFAULTS.cwKappa(), DEFAULTS.cwLearningRate(), seed);
        if (batchSize <= 0) {
            throw new SuiteException("--batch-size must be positive, got " + batchSize);
        }
        if ((dir == null) == (dataset == null)) {
            throw new SuiteException("give either --dir IMAGES or --dataset mnist|fashion");
        }
        impl.select();
        System.out.println(ComputeBackend.initialise(0).summary());
        TargetModel target = model.load(data.dataDir());
        if (dataset != null && (target.channels() != 1 || target.rows() != 28 || target.cols() != 28)) {
            throw new SuiteException("--dataset needs a 28x28 model such as a lenet-mnist model.zip; " + model.describe() + " is " + target.description());
        }
        AttackInputs inputs = dir != null ? AttackInputs.fromDirectories(dir, target, resize.mode(), true)
                : AttackInputs.fromDataset(MnistVariant.fromOption(dataset), data.dataDir(), count);
        int[] targetClasses = null;
        if (targets != null && !targets.isEmpty()) {
            targets.forEach(target::requireClass);
            AttackInputs.Targeted targeted = inputs.withTargets(targets);
            inputs = targeted.inputs();
            targetClasses = targeted.targets();
        } else if (attack.equals("adam")) {
            throw new SuiteException("--attack adam is targeted: give --targets, e.g. 5,10,15");
        }
        System.out.println("model: " + target.description());
        System.out.println("inputs: " + inputs.source());

        RunDirectory run = RunDirectory.create(out, AdversarialCommand.MODULE);
        Json.write(run.file("config.json"), Map.of("config", config, "model", model.describe(), "inputs", inputs.source(),
                "targets", targets == null ? List.of() : targets));
        List<Double> budgets = config.usesEps() ? config.eps() : List.of(Double.NaN);
        TextTable table = new TextTable("attack", "eps", "eps*255", "n", "clean acc", "adv acc", "acc 8-bit", "success",
                "success 8-bit", "mean Linf", "mean L2", "mean L0", "mean iters", "seconds");
        MarkdownTable markdown = new MarkdownTable("attack", "eps", "n", "clean acc", "adv acc", "acc 8-bit", "success",
                "success 8-bit", "mean Linf (levels)", "mean L2 (levels)", "mean L0", "mean iters", "seconds");
        List<Map<String, Object>> records = new ArrayList<>();
        double[] xs = new double[budgets.size()];
        double[] accuracy = new double[budgets.size()];
        for (int b = 0; b < budgets.size(); b++) {
            double e = budgets.get(b);
            Attack a = config.build(config.usesEps() ? e : 1.0);
            String tag = config.usesEps() ? String.format("eps%.4f", e) : a.name();
            int[] panelsLeft = {panels};
            AttackInputs in = inputs;
            long started = System.nanoTime();
            List<AttackEvaluation.Outcome> outcomes = AttackEvaluation.run(target.classifier(), a, inputs.pixels(),
                    inputs.labels(), targetClasses, batchSize, (from, originals, adversarials, batch) -> {
                        for (int i = 0; i < batch.size() && panelsLeft[0] > 0; i++, panelsLeft[0]--) {
                            writePanel(run, tag, target, in, originals.get(NDArrayIndex.point(i)),
                                    adversarials.get(NDArrayIndex.point(i)), batch.get(i));
                        }
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            AttackEvaluation.Summary s = AttackEvaluation.summarise(outcomes);
            table.row(a.name(), config.usesEps() ? e : null, config.usesEps() ? e * 255 : null, s.count(), s.cleanAccuracy(),
                    s.adversarialAccuracy(), s.accuracyAfter8Bit(), s.successRate(), s.successRateAfter8Bit(), s.meanLinf(),
                    s.meanL2(), s.meanL0(), s.meanIterations(), Math.round(seconds));
            markdown.row(a.name(), config.usesEps() ? String.format("%.4f (%.1f/255)", e, e * 255) : "-", s.count(),
                    pct(s.cleanAccuracy()), pct(s.adversarialAccuracy()), pct(s.accuracyAfter8Bit()), pct(s.successRate()),
                    pct(s.successRateAfter8Bit()), String.format("%.4f (%.1f)", s.meanLinf(), 255 * s.meanLinf()),
                    String.format("%.3f (%.0f)", s.meanL2(), 255 * s.meanL2()),
                    String.format("%.0f", s.meanL0()), String.format("%.1f", s.meanIterations()),
                    String.format("%.0f", seconds));
            xs[b] = config.usesEps() ? e : 0;
            accuracy[b] = s.adversarialAccuracy();
            for (AttackEvaluation.Outcome o : outcomes) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("attack", a.name());
                r.put("eps", config.usesEps() ? e : null);
                r.put("name", inputs.names().get(o.index()));
                Json.tree(o).fields().forEachRemaining(f -> r.put(f.getKey(), f.getValue()));
                records.add(r);
            }
            if (inputs.labels().length <= 30) {
                for (AttackEvaluation.Outcome o : outcomes) {
                    System.out.println(describe(target, inputs.names().get(o.index()), o));
                }
            }
            if (s.successRateAfter8Bit() < s.successRate()) {
                System.out.printf("note: rounding to 8-bit pixels (as in a saved PNG) undid %.0f of %d successful attacks at %s%n",
                        (s.successRate() - s.successRateAfter8Bit()) * s.count(), Math.round(s.successRate() * s.count()), tag);
            }
        }
        System.out.print(table);
        StringBuilder jsonl = new StringBuilder();
        records.forEach(r -> jsonl.append(Json.line(r)).append('\n'));
        AtomicFiles.write(run.file("outcomes.jsonl"), jsonl.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RunReport report = new RunReport("Adversarial attack: " + attack)
                .fact("model", target.description())
                .fact("inputs", inputs.source())
                .fact("configuration", Json.line(config))
                .section("Results", markdown.toString());
        if (config.usesEps()) {
            new LinePlot("Accuracy under " + attack, "eps (pixels in [0,1])", "accuracy")
                    .series("adversarial accuracy", xs, accuracy).save(run.file("accuracy.png"), 800, 500);
            report.image("accuracy against eps", "accuracy.png");
        }
        report.write(run.path());
        System.out.println("report " + run.file("report.md"));
        return 0;
    }

    private static String pct(double v) {
        return String.format("%.1f%%", 100 * v);
    }

    private static String describe(TargetModel model, String name, AttackEvaluation.Outcome o) {
        List<String> names = model.classifier().classNames();
        PerturbationNorms n = o.norms();
        return String.format("%s: %s %.1f%% -> %s %.1f%%%s, %s after %d iterations; Linf %.4f (%d/255) L2 %.3f (%.1f levels) "
                        + "L0 %d (%d in 8 bit)%s", name, names.get(o.originalClass()), 100 * o.originalProbability(),
                names.get(o.adversarialClass()), 100 * o.adversarialProbability(),
                o.target() >= 0 ? " [target " + names.get(o.target()) + "]" : "",
                o.success() ? (o.target() >= 0 ? "target reached" : "fooled") : "failed", o.iterations(), n.linf(),
                n.linfLevels(), n.l2(), n.l2Levels(), n.l0(), n.l0Levels(),
                o.success() && !o.successAfter8Bit() ? " (undone by 8-bit rounding)" : "");
    }

    /** Writes the labelled panel and the adversarial PNG, then reads the PNG back and classifies it again. */
    private static void writePanel(RunDirectory run, String tag, TargetModel model, AttackInputs inputs, INDArray original,
                                   INDArray adversarial, AttackEvaluation.Outcome o) {
        List<String> names = model.classifier().classNames();
        String base = tag + "-" + o.index() + (o.target() >= 0 ? "-t" + o.target() : "");
        Path png = run.file(base + "-adversarial.png");
        PixelPng.write(adversarial, model.channels(), model.rows(), model.cols(), png);
        INDArray back = PixelPng.read(png, model.channels(), model.rows(), model.cols())
                .reshape(adversarial.reshape(1, adversarial.length()).shape());
        long[] shape = original.shape();
        long[] batchShape = new long[shape.length + 1];
        batchShape[0] = 1;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        int reread = model.classifier().probabilities(back.reshape(batchShape)).argMax(1).getInt(0);
        boolean stillWorks = o.target() >= 0 ? reread == o.target() : reread != o.label();
        if (o.success() && !stillWorks) {
            System.out.println("note: " + png.getFileName() + " read back is classified " + names.get(reread)
                    + ": 8-bit rounding undid the attack");
        }
        AdversarialPanel.write(run.file(base + "-panel.png"), original.dup().data().asFloat(), adversarial.dup().data().asFloat(),
                model.channels(), model.rows(), model.cols(),
                String.format("%s: %s %.0f%%", inputs.names().get(o.index()), names.get(o.originalClass()), 100 * o.originalProbability()),
                String.format("adv: %s %.0f%% (PNG: %s)", names.get(o.adversarialClass()), 100 * o.adversarialProbability(),
                        names.get(reread)));
    }
}
