package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dl4jsuite.adversarial.AdversarialCommand;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFLite commands end to end on the real MobileNet v1 0.25 (small and fast), and their user errors. */
class TfliteCommandTest {
    @TempDir
    static Path tmp;
    private static Path models;
    private static Path v1;
    private static Path imagenet;

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new AdversarialCommand(), args);
    }

    @BeforeAll
    static void files() {
        models = SharedData.dir().resolve("models/tflite");
        imagenet = SharedData.dir().resolve("imagenet");
        v1 = models.resolve("mobilenet_v1_0.25_128_quant.tflite");
    }

    @Test
    void summaryImportClassifyAndAttack() {
        CliOutcome summary = cli("summary", "--tflite", v1.toString());
        assertThat(summary.code()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("DepthwiseConvolution2D").contains("imagenet1000").contains("128x128 input")
                .contains("from 31 TFLite operators");

        Path zip = tmp.resolve("v1.zip");
        CliOutcome imported = cli("import", "--tflite", v1.toString(), "--output", zip.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        CliOutcome classify = cli("classify", "--model", zip.toString(), models.resolve("hot_dog.jpg").toString());
        assertThat(classify.code()).as(classify.err()).isZero();
        assertThat(classify.out()).contains("hotdog, hot dog, red hot");

        CliOutcome attack = cli("attack", "--tflite", v1.toString(), "--dir", models.toString(), "--data-dir",
                imagenet.toString(), "--attack", "fgsm", "--eps", "4/255", "--panels", "1", "--out", tmp.resolve("runs").toString());
        assertThat(attack.code()).as(attack.err()).isZero();
        assertThat(attack.out()).contains("2 images from").contains("fgsm");
    }

    @Test
    void badInputsExitWithTwoAndOneMessage() throws IOException {
        Path truncated = tmp.resolve("truncated.tflite");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(v1), 100_000));
        CliOutcome cut = cli("classify", "--tflite", truncated.toString(), models.resolve("hot_dog.jpg").toString());
        assertThat(cut.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(cut.err()).contains("truncated.tflite").contains("truncated or corrupt");

        CliOutcome photo = cli("summary", "--tflite", models.resolve("hot_dog.jpg").toString());
        assertThat(photo.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(photo.err()).contains("hot_dog.jpg is not a TensorFlow Lite model");

        TfliteFiles f = new TfliteFiles();
        int input = f.input(2, 2, 1, 1 / 128f, 128);
        int out = f.computed("floor", 1, 2, 2, 1);
        f.op("FLOOR", 0, null, new int[] {input}, out);
        int pooled = f.computed("pooled", 1, 1, 1, 1);
        f.op("AVERAGE_POOL_2D", OptionsReader.POOL_2D_OPTIONS, TfliteFiles.pool(1, 1, 2), new int[] {out}, pooled);
        int logits = f.computed("logits", 1, 1);
        f.op("RESHAPE", 0, null, new int[] {pooled}, logits);
        int probabilities = f.computed("probabilities", 1, 1);
        f.op("SOFTMAX", OptionsReader.SOFTMAX_OPTIONS, TfliteFiles.softmax(1f), new int[] {logits}, probabilities);
        Path unsupported = tmp.resolve("floor.tflite");
        Files.write(unsupported, f.bytes(new int[] {input}, new int[] {probabilities}));
        Files.write(tmp.resolve("labels.txt"), "a\n".getBytes());
        CliOutcome floor = cli("import", "--tflite", unsupported.toString(), "--labels", tmp.resolve("labels.txt").toString(),
                "--output", tmp.resolve("floor.zip").toString());
        assertThat(floor.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(floor.err()).contains("floor.tflite").contains("operator 0 is FLOOR").contains("cannot turn");
        CliOutcome noOutput = cli("import", "--tflite", unsupported.toString());
        assertThat(noOutput.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(noOutput.err()).contains("give --output FILE: the model zip to write");

        Path notImage = tmp.resolve("not-an-image.jpg");
        Files.writeString(notImage, "plain text");
        CliOutcome image = cli("classify", "--tflite", v1.toString(), notImage.toString());
        assertThat(image.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(image.err()).contains("is not a PNG, JPEG or BMP file").contains("not-an-image.jpg");

        CliOutcome target = cli("attack", "--tflite", v1.toString(), "--dir", models.toString(), "--attack", "adam",
                "--targets", "5,1000");
        assertThat(target.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(target.err()).contains("target 1000 is outside 0..999");
    }
}
