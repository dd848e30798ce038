package org.dl4jsuite.adversarial;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.AtomicFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One example's pixels in [0,1] ↔ an 8-bit PNG (RGB for 3 channels, gray for 1), without any resizing. */
final class PixelPng {
    private PixelPng() {
    }

    /** The image of one example given as [channels·rows·cols] values (channel-major) as a BufferedImage. */
    static BufferedImage image(float[] pixels, int channels, int rows, int cols) {
        BufferedImage out = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        int plane = rows * cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                int red = level(pixels[i]);
                int green = channels == 3 ? level(pixels[plane + i]) : red;
                int blue = channels == 3 ? level(pixels[2 * plane + i]) : red;
                out.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        return out;
    }

    /** The nearest 8-bit level of a value in [0,1]. */
    static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255f)));
    }

    static void write(INDArray example, int channels, int rows, int cols, Path png) {
        BufferedImage image = image(example.dup().castTo(DataType.FLOAT).data().asFloat(), channels, rows, cols);
        AtomicFiles.write(png, tmp -> ImageIO.write(image, "png", tmp.toFile()));
    }

    /** Reads a PNG written by {@link #write} back as [1, channels·rows·cols] in [0,1]. */
    static INDArray read(Path png, int channels, int rows, int cols) {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new SuiteException("cannot read " + png + ": " + e.getMessage());
        }
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) {
            throw new SuiteException(png + " is not a " + cols + "×" + rows + " PNG");
        }
        float[] out = new float[channels * rows * cols];
        int plane = rows * cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = image.getRGB(c, r);
                int i = r * cols + c;
                out[i] = ((rgb >> 16) & 0xFF) / 255f;
                if (channels == 3) {
                    out[plane + i] = ((rgb >> 8) & 0xFF) / 255f;
                    out[2 * plane + i] = (rgb & 0xFF) / 255f;
                }
            }
        }
        return Nd4j.create(out, new long[] {1, out.length}, 'c');
    }
}
