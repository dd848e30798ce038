package org.dl4jsuite.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {

    private static final Color RED = new Color(255, 0, 0);
    private static final Color BLUE = new Color(0, 0, 255);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesPngOfRequestedSizeWithEachSeriesInItsColour(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("loss.png");
        new LinePlot("Loss", "step", "loss")
                .series("train", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, new double[] {8, 7, 6, 5, 4, 3, 2, 1, 0}, RED)
                .series("validation", new double[] {4, 8}, new double[] {6, 3}, BLUE)
                .save(png, 640, 480);
        BufferedImage image = ImageIO.read(png.toFile());

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        Trace train = Trace.of(image, RED);
        assertThat(train.count).isGreaterThan(300);
        // A falling line: near its left end it is higher up (smaller y) than 300 px further right.
        assertThat(train.meanY(image, train.minX + 5)).isLessThan(train.meanY(image, train.minX + 300) - 200);
        Trace validation = Trace.of(image, BLUE);
        assertThat(validation.count).isGreaterThan(100);
        // Validation starts at step 4, half-way along the step axis, not at its left edge.
        assertThat(validation.minX).isGreaterThan(train.minX + 150);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void logScaleStraightensExponentialSeries() throws IOException {
        double[] xs = {0, 1, 2, 3, 4};
        double[] ys = {1, 10, 100, 1000, 10000};
        BufferedImage linear = render(new LinePlot("t", "x", "y").series("s", xs, ys, RED));
        BufferedImage log = render(new LinePlot("t", "x", "y").series("s", xs, ys, RED).logY(true));

        // At the middle x, an exponential hugs the bottom on a linear axis but sits midway on a log axis.
        assertThat(Trace.of(linear, RED).relativeHeightAtMiddle(linear)).isLessThan(0.1);
        assertThat(Trace.of(log, RED).relativeHeightAtMiddle(log)).isBetween(0.4, 0.6);
    }

    @Test
    void skipsNaNInfiniteAndOnLogScaleNonPositivePoints() throws IOException {
        double[] xs = {0, 1, 2, 3, 4};
        double[] ys = {Double.NaN, 10, Double.POSITIVE_INFINITY, 1000, -1};
        BufferedImage image = render(new LinePlot("t", "x", "y").series("s", xs, ys, RED).logY(true));

        Trace trace = Trace.of(image, RED);
        assertThat(trace.count).isGreaterThan(50);
        // Only (1, 10) and (3, 1000) remain, so the line rises from the far left to the far right of the plot.
        assertThat(trace.meanY(image, trace.minX + 2)).isGreaterThan(trace.meanY(image, trace.maxX - 2) + 100);
    }

    @Test
    void emptyPlotIsStillAValidPng() throws IOException {
        BufferedImage empty = render(
                new LinePlot("nothing yet", "step", "loss").series("s", new double[] {1}, new double[] {Double.NaN}, RED));

        assertThat(empty.getWidth()).isEqualTo(400);
        assertThat(empty.getHeight()).isEqualTo(300);
        assertThat(Trace.of(empty, RED).count).isZero();
        // The "no data" note is written in the middle of the plot.
        assertThat(ImageGridTest.countNonWhite(empty, 150, 120, 250, 160)).isPositive();
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> new LinePlot("t", "x", "y").series("s", new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x values but 3 y values");
    }

    @Test
    void unwritablePathGivesSuiteException(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> new LinePlot("t", "x", "y").save(file.resolve("loss.png"), 200, 100))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("loss.png");
    }

    private static BufferedImage render(LinePlot plot) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(plot.toPngBytes(400, 300)));
    }

    /** Where the pixels close to one colour lie (lines are anti-aliased, so exact matches are rare). */
    private static final class Trace {
        final Color colour;
        int count;
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxY = Integer.MIN_VALUE;

        Trace(Color colour) {
            this.colour = colour;
        }

        static Trace of(BufferedImage image, Color colour) {
            Trace t = new Trace(colour);
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    if (t.matches(image.getRGB(x, y))) {
                        t.count++;
                        t.minX = Math.min(t.minX, x);
                        t.maxX = Math.max(t.maxX, x);
                        t.minY = Math.min(t.minY, y);
                        t.maxY = Math.max(t.maxY, y);
                    }
                }
            }
            return t;
        }

        boolean matches(int rgb) {
            Color c = new Color(rgb);
            return Math.abs(c.getRed() - colour.getRed()) < 60 && Math.abs(c.getGreen() - colour.getGreen()) < 60
                    && Math.abs(c.getBlue() - colour.getBlue()) < 60;
        }

        double meanY(BufferedImage image, int x) {
            long sum = 0;
            int n = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                if (matches(image.getRGB(x, y))) {
                    sum += y;
                    n++;
                }
            }
            assertThat(n).as("pixels of the line in column %d", x).isPositive();
            return (double) sum / n;
        }

        /** 0 when the line's middle column is at its lowest pixel, 1 at its highest. */
        double relativeHeightAtMiddle(BufferedImage image) {
            return (maxY - meanY(image, (minX + maxX) / 2)) / (maxY - minY);
        }
    }
}
