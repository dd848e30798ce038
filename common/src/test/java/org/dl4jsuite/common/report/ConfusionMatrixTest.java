package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    // cat: 3 right, 1 taken for dog; dog: 1 right, 1 taken for cat; bird: never seen, predicted once for cat.
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 0};
    private static final int[] PREDICTED = {0, 0, 0, 1, 1, 0, 2};
    private static final List<String> NAMES = List.of("cat", "dog", "bird");

    @Test
    void countsAccuracyAndRecallPerTrueClass() {
        ConfusionMatrix matrix = ConfusionMatrix.of(ACTUAL, PREDICTED, NAMES);

        assertThat(matrix.count(0, 0)).isEqualTo(3);
        assertThat(matrix.count(0, 1)).isEqualTo(1);
        assertThat(matrix.count(0, 2)).isEqualTo(1);
        assertThat(matrix.count(1, 0)).isEqualTo(1);
        assertThat(matrix.count(1, 1)).isEqualTo(1);
        assertThat(matrix.count(2, 2)).isZero();
        assertThat(matrix.total()).isEqualTo(7);
        assertThat(matrix.accuracy()).isCloseTo(4.0 / 7, within(1e-12));
        double[] perClass = matrix.perClassAccuracy();
        assertThat(perClass[0]).isCloseTo(3.0 / 5, within(1e-12));
        assertThat(perClass[1]).isCloseTo(0.5, within(1e-12));
        assertThat(perClass[2]).isNaN();
    }

    @Test
    void incrementalAddMatchesArrays() {
        ConfusionMatrix matrix = new ConfusionMatrix(NAMES);
        for (int i = 0; i < ACTUAL.length; i++) {
            matrix.add(ACTUAL[i], PREDICTED[i]);
        }

        assertThat(matrix.toMarkdown()).isEqualTo(ConfusionMatrix.of(ACTUAL, PREDICTED, NAMES).toMarkdown());
    }

    @Test
    void markdownHasTrueClassRowsPredictedColumnsAndAccuracy() {
        assertThat(ConfusionMatrix.of(ACTUAL, PREDICTED, NAMES).toMarkdown()).isEqualTo(
                "| true \\ predicted | cat | dog | bird | accuracy |\n"
              + "| ---------------- | --: | --: | ---: | -------- |\n"
              + "| cat              |   3 |   1 |    1 | 60.0%    |\n"
              + "| dog              |   1 |   1 |    0 | 50.0%    |\n"
              + "| bird             |   0 |   0 |    0 | n/a      |\n");
    }

    @Test
    void heatmapShadesCellsByShareOfRow(@TempDir Path dir) throws IOException {
        ConfusionMatrix matrix = ConfusionMatrix.of(ACTUAL, PREDICTED, NAMES);
        Path png = dir.resolve("confusion.png");
        matrix.savePng(png);
        BufferedImage image = ImageIO.read(png.toFile());

        // Sample near a cell's corner, away from the count written in its centre and its grid line.
        assertThat(colourNearCorner(image, 0, 0)).isEqualTo(ConfusionMatrix.shade(3.0 / 5));
        assertThat(colourNearCorner(image, 0, 1)).isEqualTo(ConfusionMatrix.shade(1.0 / 5));
        assertThat(colourNearCorner(image, 1, 1)).isEqualTo(ConfusionMatrix.shade(0.5));
        assertThat(colourNearCorner(image, 2, 2)).isEqualTo(Color.WHITE);
        assertThat(ConfusionMatrix.shade(1.0)).isEqualTo(new Color(8, 48, 107));
        // Counts and class names are drawn: dark pixels inside the cell centre and the label margin.
        assertThat(ImageGridTest.countNonWhite(image, ConfusionMatrix.cellX(2) + 10, ConfusionMatrix.cellY(0) + 10,
                ConfusionMatrix.cellX(2) + ConfusionMatrix.CELL - 10, ConfusionMatrix.cellY(0) + ConfusionMatrix.CELL - 10))
                .isPositive();
        assertThat(ImageGridTest.countNonWhite(image, 0, ConfusionMatrix.cellY(1), ConfusionMatrix.LABEL_SPACE,
                ConfusionMatrix.cellY(2))).isPositive();
    }

    @Test
    void rejectsClassesOutsideTheNames() {
        assertThatThrownBy(() -> new ConfusionMatrix(NAMES).add(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual class 3");
    }

    private static Color colourNearCorner(BufferedImage image, int actual, int predicted) {
        return new Color(image.getRGB(ConfusionMatrix.cellX(predicted) + 4, ConfusionMatrix.cellY(actual) + 4));
    }
}
