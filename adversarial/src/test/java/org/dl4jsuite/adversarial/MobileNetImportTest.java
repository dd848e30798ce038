package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    @Test
    void thePixelGradientMatchesFiniteDifferences() {
        Classifier classifier = TargetModel.of(mobilenet).classifier();
        INDArray x = TargetModel.of(mobilenet).readImage(models.resolve("hot_dog.jpg"),
                ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray y = org.nd4j.linalg.factory.Nd4j.zeros(1, 1000);
        y.putScalar(0, 965, 1); // burrito: a class with a non-negligible probability
        INDArray g = classifier.lossGradient(x, y);
        // Along the gradient direction the loss must fall by about |g|^2 * h.
        double h = 1e-3 / g.norm2Number().doubleValue();
        INDArray step = g.mul(h);
        double before = crossEntropy(classifier.probabilities(x), 965);
        double after = crossEntropy(classifier.probabilities(x.sub(step)), 965);
        double predicted = g.mul(step).sumNumber().doubleValue();
        assertThat(before - after).isCloseTo(predicted, org.assertj.core.data.Percentage.withPercentage(20));
    }

    private static double crossEntropy(INDArray p, int label) {
        return -Math.log(p.getDouble(0, label));
    }
}
