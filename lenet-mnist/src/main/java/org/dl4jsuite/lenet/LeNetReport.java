package org.dl4jsuite.lenet;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.report.ConfusionMatrix;
import org.dl4jsuite.common.report.ImageGrid;
import org.dl4jsuite.common.report.LinePlot;
import org.dl4jsuite.common.report.RunReport;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.TrainingLoop;
import org.dl4jsuite.common.train.TrainingRun;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The end-of-training report of a LeNet run: loss and accuracy curves, a grid of test images with
 * predicted and true labels, the confusion matrix with per-class accuracy, and report.md.
 */
final class LeNetReport {
    private static final int GRID_IMAGES = 48;

    private final TrainingRun<LeNetConfig> run;
    private final INDArray testInput;
    private final ImageDataset variant;
    private final ImageClassData test;
    private final String dataSource;

    /** A report on {@code test}, whose images the network reads as {@code testInput} (standardised or as they are). */
    LeNetReport(TrainingRun<LeNetConfig> run, ImageDataset variant, ImageClassData test, INDArray testInput,
                String dataSource) {
        this.run = run;
        this.testInput = testInput;
        this.variant = variant;
        this.test = test;
        this.dataSource = dataSource;
    }

    /** Writes every artefact into the run folder and returns the test accuracy. */
    double write(MultiLayerNetwork net, TrainingLoop.Result result) {
        int[] predicted = Predictions.classes(net, testInput, 1000);
        ConfusionMatrix confusion = ConfusionMatrix.of(test.labelIndex(), predicted, variant.classNames());
        confusion.savePng(run.directory().file("confusion.png"));
        sampleGrid(predicted).save(run.directory().file("samples.png"));
        List<Map<String, Object>> metrics = MetricsLog.read(run.directory().file("metrics.jsonl"));
        curves(metrics);

        new RunReport("LeNet-5 on " + variant.option())
                .fact("dataset", variant.option() + " (" + dataSource + ")")
                .fact("configuration", org.dl4jsuite.common.io.Json.line(run.config()))
                .fact("epochs completed", result.state().epoch() + " of " + run.config().epochs()
                        + (result.outcome() == TrainingLoop.Outcome.MAX_STEPS ? " (stopped by --max-steps)" : ""))
                .fact("steps", result.state().step())
                .fact("training time", String.format("%.1f s", result.state().wallSeconds()))
                .fact("test accuracy", String.format("%.2f%%", 100 * confusion.accuracy()))
                .fact("backend", run.backend().summary())
                .image("training loss", "loss.png")
                .image("test accuracy per epoch", "accuracy.png")
                .image("test images: predicted / true (wrong in red)", "samples.png")
                .image("confusion matrix", "confusion.png")
                .section("Confusion matrix and per-class accuracy", confusion.toMarkdown())
                .write(run.directory().path());
        return confusion.accuracy();
    }

    private ImageGrid sampleGrid(int[] predicted) {
        ImageGrid grid = new ImageGrid(test.rows(), test.cols(), 12).scale(3);
        SplittableRandom random = new SplittableRandom(run.options().seed());
        for (int k = 0; k < GRID_IMAGES; k++) {
            int i = random.nextInt(test.size());
            int truth = test.labelIndex()[i];
            grid.add(test.image(i), shortName(predicted[i]) + " / " + shortName(truth), predicted[i] != truth);
        }
        return grid;
    }

    private String shortName(int index) {
        String name = variant.classNames().get(index);
        return name.length() > 8 ? name.substring(0, 8) : name;
    }

    private void curves(List<Map<String, Object>> metrics) {
        List<Map<String, Object>> steps = MetricsLog.ofType(metrics, "step");
        List<Map<String, Object>> epochs = MetricsLog.ofType(metrics, "epoch");
        new LinePlot("LeNet-5 training loss (" + variant.option() + ")", "step", "cross-entropy")
                .series("loss (mean over log window)", MetricsLog.column(steps, "step"), MetricsLog.column(steps, "loss"))
                .series("epoch mean", MetricsLog.column(epochs, "step"), MetricsLog.column(epochs, "loss"))
                .save(run.directory().file("loss.png"), 800, 500);
        new LinePlot("LeNet-5 test accuracy (" + variant.option() + ")", "epoch", "accuracy")
                .series("test accuracy", MetricsLog.column(epochs, "epoch"), MetricsLog.column(epochs, "test_accuracy"))
                .save(run.directory().file("accuracy.png"), 800, 500);
    }

}
