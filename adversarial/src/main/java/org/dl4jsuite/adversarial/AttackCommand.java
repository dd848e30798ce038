package org.dl4jsuite.adversarial;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.cli.RunsDirOption;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.io.Json;
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
    @Mixin
    ModelOption model = new ModelOption();

    @Mixin
    AttackConfig config = new AttackConfig();

    @Option(names = "--dir", paramLabel = "DIR", description = "Attack the JPEG/PNG images in DIR (repeatable).")
    List<Path> dir;

    @Option(names = "--dataset", description = "Attack test images of mnist, fashion or cifar10 instead (a model of that image size).")
    ImageDataset dataset;

    @Option(names = "--count", description = "Test images with --dataset.")
    int count = 500;

    @Option(names = "--targets", split = ",", description = "Target classes; every image is attacked once per target (reference: 5,10,15).")
    List<Integer> targets;

    @Option(names = "--batch-size", description = "Examples attacked together.")
    int batchSize = 100;

    @Option(names = "--panels", description = "Original | adversarial | perturbation PNGs written per eps (first N examples).")
    int panels = 4;

    @Mixin
    RunsDirOption out = new RunsDirOption();

    @Mixin
    ClassifierRunOptions runOptions = new ClassifierRunOptions();

    @Override
    public Integer call() {
        config.validate();
        OptionChecks.positive("--batch-size", batchSize);
        OptionChecks.positive("--count", count);
        if ((dir == null) == (dataset == null)) {
            throw new SuiteException("give either --dir IMAGES or --dataset mnist|fashion|cifar10");
        }
        if ((targets == null || targets.isEmpty()) && config.attack() == AttackConfig.Kind.ADAM) {
            throw new SuiteException("--attack adam is targeted: give --targets, e.g. 5,10,15");
        }
        System.out.println(runOptions.start(0));
        TargetModel target = model.load(runOptions.dataDir());
        AttackInputs.Targeted inputs = inputs(target);
        System.out.println("model: " + target.description());
        System.out.println("inputs: " + inputs.inputs().source());

        RunDirectory run = RunDirectory.create(out.dir(), AdversarialCommand.MODULE);
        Json.write(run.file("config.json"), Map.of("config", config, "model", model.describe(),
                "inputs", inputs.inputs().source(), "targets", targets == null ? List.of() : targets));
        AttackResults results = new AttackResults(config);
        for (double eps : config.budgets()) {
            attackAt(eps, target, inputs, run, results);
        }
        System.out.print(results.table());
        results.write(run, target, inputs.inputs());
        System.out.println("report " + run.file("report.md"));
        return 0;
    }

    /** The images to attack, each paired with its target class when --targets is given (null targets otherwise). */
    private AttackInputs.Targeted inputs(TargetModel target) {
        if (dataset != null && (target.channels() != dataset.channels() || target.rows() != dataset.side()
                || target.cols() != dataset.side())) {
            throw new SuiteException("--dataset " + dataset + " needs a model of " + dataset.channels() + "x"
                    + dataset.side() + "x" + dataset.side() + " images such as a lenet-mnist model.zip trained on it; "
                    + model.describe() + " is " + target.description());
        }
        AttackInputs inputs = dir != null ? AttackInputs.fromDirectories(dir, target, runOptions.resize(), true)
                : AttackInputs.fromDataset(dataset, runOptions.dataDir(), count);
        if (targets == null || targets.isEmpty()) {
            return new AttackInputs.Targeted(inputs, null);
        }
        targets.forEach(target::requireClass);
        return inputs.withTargets(targets);
    }

    /** One attack at budget {@code eps} over every input: panels of the first examples, a results row. */
    private void attackAt(double eps, TargetModel target, AttackInputs.Targeted targeted, RunDirectory run,
                          AttackResults results) {
        Attack attack = config.build(config.usesEps() ? eps : 1.0);
        String tag = config.usesEps() ? String.format("eps%.4f", eps) : attack.name();
        AttackInputs inputs = targeted.inputs();
        int[] panelsLeft = {panels};
        long started = System.nanoTime();
        List<AttackEvaluation.Outcome> outcomes = AttackEvaluation.run(target.classifier(), attack, inputs.pixels(),
                inputs.labels(), targeted.targets(), batchSize, (from, originals, adversarials, batch) -> {
                    for (int i = 0; i < batch.size() && panelsLeft[0] > 0; i++, panelsLeft[0]--) {
                        writePanel(run, tag, target, inputs, originals.get(NDArrayIndex.point(i)),
                                adversarials.get(NDArrayIndex.point(i)), batch.get(i));
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (inputs.labels().length <= 30) {
            for (AttackEvaluation.Outcome o : outcomes) {
                System.out.println(describe(target, inputs.names().get(o.index()), o));
            }
        }
        results.add(attack, eps, outcomes, inputs.names(), seconds);
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
