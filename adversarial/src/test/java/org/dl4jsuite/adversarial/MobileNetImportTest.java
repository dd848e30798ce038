package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The real ImageNet-pretrained MobileNet v2 (TFLite, from ../shared) imported into DL4J, on real photos. */
class MobileNetImportTest {
    private static Path models;
    private static Path imagenet;
    private static ImportedClassifier mobilenet;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void importModel() {
        ComputeBackend.initialise(0);
        models = SharedData.dir().resolve("models/tflite");
        imagenet = SharedData.dir().resolve("imagenet");
        mobilenet = ImportedClassifier.fromTflite(models.resolve("mobilenet_v2_1.0_224_quant.tflite"), null, imagenet);
    }

    private static int[] top5(Classifier classifier, TargetModel target, Path photo) {
        INDArray p = classifier.probabilities(target.readImage(photo, ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP));
        return TopClasses.of(p.toFloatVector(), 5);
    }

    @Test
    void theImportHasTheFilesInputAndTheThousandClasses() {
        assertThat(mobilenet.height()).isEqualTo(224);
        assertThat(mobilenet.classNames()).hasSize(1000);
        assertThat(mobilenet.classNames().get(0)).startsWith("tench");
        assertThat(mobilenet.facts().backgroundDropped()).isTrue();
        // input quantization: scale 1/128, zero point 128 -> (255 p - 128) / 128.
        assertThat(mobilenet.scaling().scale()[0]).isEqualTo(255 / 128.0);
        assertThat(mobilenet.scaling().offset()[0]).isEqualTo(-1.0);
    }

    @Test
    void thePhotosBesideTheModelAreRecognised() {
        TargetModel target = TargetModel.of(mobilenet);
        List<String> names = mobilenet.classNames();
        int[] cat = top5(target.classifier(), target, models.resolve("cat_720p.jpg"));
        int[] hotDog = top5(target.classifier(), target, models.resolve("hot_dog.jpg"));
        // 281 tabby, 282 tiger cat, 285 Egyptian cat; 934 hotdog.
        assertThat(cat).contains(285);
        assertThat(names.get(cat[0])).matches("Egyptian cat|tiger cat|tabby.*");
        assertThat(hotDog[0]).isEqualTo(934);
    }

    @Test
    void mostLabelledPhotosHaveTheirClassInTheTopFive() {
        TargetModel target = TargetModel.of(mobilenet);
        java.util.Map<String, Integer> labels = AttackInputs.labelsTsv(imagenet.resolve("labels.tsv"));
        int labelled = 0;
        int hits = 0;
        for (Path photo : AttackInputs.imageFiles(imagenet)) {
            Integer label = labels.get(photo.getFileName().toString());
            if (label == null || label < 0) {
                continue;
            }
            labelled++;
            hits += TopClasses.contains(top5(target.classifier(), target, photo), 5, label) ? 1 : 0;
        }
        assertThat(labelled).isGreaterThanOrEqualTo(20);
        // The published top-5 is about 90%: a clear majority, not a coin toss.
        assertThat(hits).isGreaterThan(labelled * 3 / 4);
    }

    @Test
    void theSavedZipLoadsWithoutImportingAndGivesTheSameProbabilities() {
        Path zip = tmp.resolve("mobilenet.zip");
        mobilenet.save(zip);
        ImportedClassifier loaded = ImportedClassifier.fromZip(zip);
        assertThat(loaded.classNames()).isEqualTo(mobilenet.classNames());
        assertThat(loaded.height()).isEqualTo(224);
        TargetModel a = TargetModel.of(mobilenet);
        TargetModel b = TargetModel.load(zip, imagenet);
        INDArray x = a.readImage(models.resolve("hot_dog.jpg"), ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP);
        assertThat(b.classifier().probabilities(x).sub(a.classifier().probabilities(x)).amaxNumber().doubleValue())
                .isLessThan(1e-6);
    }

    /**
     * The input gradient (DL4J's backward pass through the imported graph, then the input scaling) against central
     * differences on eight pixels: the three of largest gradient and five drawn at random. In double precision (the
     * same weights copied into a double graph), a pixel step of h = 1e-5 leaves a truncation error of order
     * h² = 1e-10 and a rounding error of about 1e-16 × loss / h ≈ 1e-11, so the two must agree to 1e-6 relative
     * (measured: at most 2e-8; a gradient 10% off fails).
     */
    @Test
    void thePixelGradientMatchesCentralDifferences() {
        Classifier classifier = new ImportedClassifier(mobilenet.graph().convertDataType(DataType.DOUBLE), mobilenet.facts())
                .classifier();
        INDArray x = TargetModel.of(mobilenet).readImage(models.resolve("hot_dog.jpg"),
                ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP).castTo(DataType.DOUBLE);
        int label = 965; // burrito: a class with a non-negligible probability
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 1, 1000);
        y.putScalar(0, label, 1);
        INDArray g = classifier.lossGradient(x, y).reshape(-1);

        List<Long> pixels = new ArrayList<>();
        INDArray magnitude = Transforms.abs(g, true);
        for (int k = 0; k < 3; k++) {
            long largest = magnitude.argMax().getLong(0);
            pixels.add(largest);
            magnitude.putScalar(largest, 0);
        }
        Random random = new Random(7);
        for (int k = 0; k < 5; k++) {
            pixels.add((long) random.nextInt((int) g.length()));
        }
        double h = 1e-5;
        for (long i : pixels) {
            double difference = (crossEntropy(classifier.probabilities(shifted(x, i, h)), label)
                    - crossEntropy(classifier.probabilities(shifted(x, i, -h)), label)) / (2 * h);
            assertThat(difference).as("∂loss/∂pixel %d by central differences", i)
                    .isCloseTo(g.getDouble(i), Offset.offset(1e-6 * Math.abs(g.getDouble(i)) + 1e-9));
        }
    }

    /** A copy of {@code x} with its {@code i}-th value (in row-major order) moved by {@code h}. */
    private static INDArray shifted(INDArray x, long i, double h) {
        INDArray copy = x.dup('c');
        INDArray flat = copy.reshape(-1);
        flat.putScalar(i, flat.getDouble(i) + h);
        return copy;
    }

    private static double crossEntropy(INDArray p, int label) {
        return -Math.log(p.getDouble(0, label));
    }
}
