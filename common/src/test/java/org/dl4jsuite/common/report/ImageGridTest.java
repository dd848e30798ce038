package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A 2×3 image: top row black, white, mid-gray; bottom row all white. */
    private static float[] sample() {
        return new float[] {0f, 1f, 0.5f, 1f, 1f, 1f};
    }

    @Test
    void scalesPixelsFramesWrongItemsAndColoursCaptions(@TempDir Path dir) throws IOException {
        ImageGrid grid = new ImageGrid(2, 3, 2).scale(4)
                .add(sample(), "pred 3 / true 3", false)
                .add(sample(), "pred 3 / true 5", true)
                .add(sample(), "pred 1 / true 1", false);
        Path png = dir.resolve("grid.png");
        grid.save(png);
        BufferedImage image = ImageIO.read(png.toFile());

        assertThat(image.getWidth()).isEqualTo(2 * grid.cellWidth());
        assertThat(image.getHeight()).isEqualTo(2 * grid.cellHeight());

        int[] first = grid.imageOrigin(0);
        // Every image pixel becomes a 4×4 block: check both corners of each block.
        for (int dy : new int[] {0, 3}) {
            for (int dx : new int[] {0, 3}) {
                assertThat(rgb(image, first[0] + dx, first[1] + dy)).isEqualTo(new Color(0, 0, 0));
                assertThat(rgb(image, first[0] + 4 + dx, first[1] + dy)).isEqualTo(new Color(255, 255, 255));
                assertThat(rgb(image, first[0] + 8 + dx, first[1] + dy)).isEqualTo(new Color(128, 128, 128));
                assertThat(rgb(image, first[0] + dx, first[1] + 4 + dy)).isEqualTo(new Color(255, 255, 255));
            }
        }

        int[] wrong = grid.imageOrigin(1);
        assertThat(wrong[0]).isEqualTo(grid.cellWidth() + ImageGrid.MARGIN);
        assertThat(rgb(image, wrong[0], wrong[1])).isEqualTo(new Color(0, 0, 0));
        // The red frame surrounds the wrong image on all four sides; the right one has none.
        assertThat(rgb(image, wrong[0] - 1, wrong[1] + 3)).isEqualTo(ImageGrid.WRONG);
        assertThat(rgb(image, wrong[0] + 12, wrong[1] + 3)).isEqualTo(ImageGrid.WRONG);
        assertThat(rgb(image, wrong[0] + 5, wrong[1] - 1)).isEqualTo(ImageGrid.WRONG);
        assertThat(rgb(image, wrong[0] + 5, wrong[1] + 8)).isEqualTo(ImageGrid.WRONG);
        assertThat(rgb(image, first[0] - 1, first[1] + 3)).isEqualTo(Color.WHITE);
        assertThat(rgb(image, first[0] + 12, first[1] + 3)).isEqualTo(Color.WHITE);

        int captionTop = ImageGrid.MARGIN + 8;
        int captionBottom = grid.cellHeight();
        assertThat(countColour(image, 0, captionTop, grid.cellWidth(), captionBottom, ImageGrid.RIGHT)).isPositive();
        assertThat(countColour(image, 0, captionTop, grid.cellWidth(), captionBottom, ImageGrid.WRONG)).isZero();
        assertThat(countColour(image, grid.cellWidth(), captionTop + 3, 2 * grid.cellWidth(), captionBottom,
                ImageGrid.WRONG)).isPositive();
        assertThat(countColour(image, grid.cellWidth(), captionTop, 2 * grid.cellWidth(), captionBottom,
                ImageGrid.RIGHT)).isZero();

        int[] third = grid.imageOrigin(2);
        assertThat(third).containsExactly(ImageGrid.MARGIN, grid.cellHeight() + ImageGrid.MARGIN);
        assertThat(rgb(image, third[0] + 4, third[1])).isEqualTo(Color.WHITE);
        assertThat(rgb(image, third[0], third[1])).isEqualTo(new Color(0, 0, 0));
        // The unused fourth cell stays blank.
        assertThat(countNonWhite(image, grid.cellWidth(), grid.cellHeight(), image.getWidth(), image.getHeight()))
                .isZero();
    }

    @Test
    void clampsOutOfRangeAndNaNPixels() {
        BufferedImage image = new ImageGrid(1, 3, 1).scale(1)
                .add(new float[] {-0.5f, 2f, Float.NaN}, "", false).render();
        int x = ImageGrid.MARGIN;
        int y = ImageGrid.MARGIN;

        assertThat(rgb(image, x, y)).isEqualTo(new Color(0, 0, 0));
        assertThat(rgb(image, x + 1, y)).isEqualTo(new Color(255, 255, 255));
        assertThat(rgb(image, x + 2, y)).isEqualTo(new Color(0, 0, 0));
    }

    @Test
    void rejectsImagesOfTheWrongSize() {
        assertThatThrownBy(() -> new ImageGrid(28, 28, 8).add(new float[10], "x", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("784");
    }

    static Color rgb(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    static int countColour(BufferedImage image, int x0, int y0, int x1, int y1, Color colour) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (image.getRGB(x, y) == colour.getRGB()) {
                    count++;
                }
            }
        }
        return count;
    }

    static int countNonWhite(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    count++;
                }
            }
        }
        return count;
    }
}
