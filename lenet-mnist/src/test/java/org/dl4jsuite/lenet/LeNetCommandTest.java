package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.train.MetricsLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The lenet-mnist command line end to end, on real MNIST and Fashion-MNIST files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeNetCommandTest {
    @TempDir
    static Path tmp;

    private static Path fashionRun;

    /** Real MNIST from the shared data, for the tests that need it (the others run without it). */
    private static Path mnistDir() {
        return SharedData.dir().resolve("mnist");
    }

    /** Fashion-MNIST where the suite finds it: Debian's package, the cache, or a download. */
    private static Path fashionDir() {
        return ImageDataset.FASHION.resolve(null).directory();
    }

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new LeNetCommand(), args);
    }

    private static Path onlyRun(Path out) throws IOException {
        try (Stream<Path> runs = Files.list(out.resolve("lenet-mnist"))) {
            return runs.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    @Order(1)
    void shortFashionTrainingBeatsSeventyPercentAndWritesTheWholeRun() throws IOException {
        Path fashion = fashionDir();
        Path out = tmp.resolve("fashion-runs");
        CliOutcome result = cli("train", "--dataset", "fashion", "--data-dir", fashion.toString(), "--out", out.toString(),
                "--max-steps", "300", "--log-every", "100", "--checkpoint-every", "100");
        assertThat(result.code()).as(result.err()).isZero();
        fashionRun = onlyRun(out);
        for (String file : List.of("config.json", "metrics.jsonl", "model.zip", "report.md", "loss.png", "accuracy.png",
                "samples.png", "confusion.png", "checkpoints/LATEST")) {
            assertThat(fashionRun.resolve(file)).isRegularFile();
        }
        assertThat(MetricsLog.read(fashionRun.resolve("metrics.jsonl"))).hasSize(3);
        assertThat(Files.readString(fashionRun.resolve("config.json"))).contains("\"dataset\" : \"fashion\"", "\"backend\"");

        LeNetModelFiles.Loaded loaded = LeNetModelFiles.load(fashionRun.resolve("model.zip"));
        assertThat(loaded.variant()).isEqualTo(ImageDataset.FASHION);
        ImageClassData test = ImageDataset.FASHION.test(
                new DatasetResolver(fashion, Map.of(), null, false, null).resolve(ImageDataset.FASHION.spec()));
        double accuracy = Predictions.accuracy(Predictions.classes(loaded.network(), test.features(), 1000), test.labelIndex());
        assertThat(accuracy).isGreaterThan(0.70);
        assertThat(result.out()).contains(String.format("test accuracy %.2f%%", 100 * accuracy));
    }

    @Test
    @Order(2)
    void resumeContinuesTheStoppedRunFromItsCheckpoint() throws IOException {
        Path mnistDir = mnistDir();
        Path out = tmp.resolve("resume-runs");
        assertThat(cli("train", "--data-dir", mnistDir.toString(), "--out", out.toString(), "--max-steps", "20",
                "--log-every", "10").code()).isZero();
        Path run = onlyRun(out);
        CliOutcome resumed = cli("train", "--data-dir", mnistDir.toString(), "--out", out.toString(), "--resume",
                "--max-steps", "40", "--log-every", "10");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming " + run + " from step 20");
        assertThat(onlyRun(out)).isEqualTo(run);
        assertThat(MetricsLog.read(run.resolve("metrics.jsonl"))).extracting(r -> r.get("step"))
                .containsExactly(10.0, 20.0, 30.0, 40.0);
    }

    @Test
    @Order(3)
    void evaluateAndPredictUseTheSavedModel() throws IOException {
        Path model = fashionRun.resolve("model.zip");
        CliOutcome evaluated = cli("evaluate", "--model", model.toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("test accuracy", "Ankle boot");

        // A trouser drawn dark on a light, larger, coloured canvas: predict must convert it to MNIST's form.
        ImageClassData test = ImageDataset.FASHION.test(ImageDataset.FASHION.resolve(fashionDir()));
        int trouser = -1;
        for (int i = 0; i < test.size() && trouser < 0; i++) {
            trouser = test.labelIndex()[i] == 1 ? i : -1;
        }
        Path png = tmp.resolve("trouser.png");
        ImageIO.write(inverted(test.image(trouser), 28, 28, 4), "png", png.toFile());
        CliOutcome predicted = cli("predict", "--model", model.toString(), "--top", "1", png.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out()).contains("trouser.png:  Trouser");
    }

    @Test
    void badInputsGetOneLineErrorsAndExitCodeTwo() throws IOException {
        Path notImage = Files.writeString(tmp.resolve("notes.png"), "not an image");
        assertError(cli("predict", "--model", "missing.zip", notImage.toString()), "model file not found");
        assertError(cli("evaluate", "--model", notImage.toString()), "not a model file");
        assertError(cli("train", "--data-dir", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString()),
                "nowhere");
        assertError(cli("train", "--dataset", "cifar"), "is not one of: mnist, fashion");

        // The rest needs real MNIST files.
        Path mnistDir = mnistDir();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertError(cli("train", "--data-dir", mnistDir.toString(), "--out", file.toString()), "--out");

        // A truncated copy of the training images.
        Path broken = Files.createDirectories(tmp.resolve("broken-mnist"));
        for (String name : List.of("train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(mnistDir.resolve(name), broken.resolve(name));
        }
        byte[] images = Files.readAllBytes(mnistDir.resolve("train-images-idx3-ubyte.gz"));
        Files.write(broken.resolve("train-images-idx3-ubyte.gz"), java.util.Arrays.copyOf(images, images.length / 2));
        assertError(cli("train", "--data-dir", broken.toString(), "--out", tmp.resolve("o").toString()), "train-images");
    }

    @Test
    void unreadableImageForPredictIsAUserError() throws IOException {
        Path notImage = Files.writeString(tmp.resolve("text.jpg"), "not an image");
        Path model = fashionRun == null ? null : fashionRun.resolve("model.zip");
        org.junit.jupiter.api.Assumptions.assumeTrue(model != null,
                "no model to predict with: shortFashionTrainingBeatsSeventyPercentAndWritesTheWholeRun did not make one");
        assertError(cli("predict", "--model", model.toString(), notImage.toString()), "is not a PNG, JPEG or BMP file");
    }

    @Test
    void summaryPrintsTheParameterTable() {
        CliOutcome summary = cli("summary");
        assertThat(summary.code()).isZero();
        assertThat(summary.out()).contains("OneDnnConvolution", "OneDnnSubsampling", "OneDnnDense", "6×24×24", "44,426");
    }

    private static void assertError(CliOutcome outcome, String expected) {
        assertThat(outcome.code()).as(outcome.err()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(outcome.err()).startsWith("error: ").contains(expected).doesNotContain("\tat ");
    }

    private static BufferedImage inverted(float[] pixels, int rows, int cols, int scale) {
        BufferedImage image = new BufferedImage(cols * scale + 20, rows * scale + 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int r = (y - 10) / scale;
                int c = (x - 10) / scale;
                float v = (y < 10 || x < 10 || r >= rows || c >= cols) ? 0f : pixels[r * cols + c];
                int level = Math.round(255 * (1 - v));
                image.setRGB(x, y, (level << 16) | (level << 8) | Math.max(0, level - 20));
            }
        }
        return image;
    }
}
