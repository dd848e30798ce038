package org.dl4jsuite.common.images;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYCOLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.datavec.image.loader.NativeImageLoader;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads any PNG/JPEG/BMP (any size, colour or gray) as an MNIST-style input: grayscale, resized
 * to rows×cols with DataVec's {@link NativeImageLoader}, scaled to [0,1], and inverted when the
 * background is light, since MNIST digits are light strokes on black. The file is decoded by {@link ImageDecoder}.
 */
public final class GrayscaleImageReader {
    private final int rows;
    private final int cols;
    private final NativeImageLoader loader;

    public GrayscaleImageReader(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.loader = new NativeImageLoader(rows, cols, 1);
    }

    /** The image as a [1, rows·cols] row in [0,1], MNIST polarity. */
    public INDArray read(Path file) {
        Mat image = ImageDecoder.decode(file, IMREAD_ANYDEPTH | IMREAD_ANYCOLOR);
        INDArray pixels;
        try {
            pixels = loader.asMatrix(image);
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("cannot read " + file + " as an image (" + e.getMessage()
                    + "); pass a PNG, JPEG or BMP file");
        }
        if (pixels == null || pixels.length() != (long) rows * cols) {
            throw new SuiteException("cannot read " + file + " as an image; pass a PNG, JPEG or BMP file");
        }
        INDArray row = pixels.reshape(1, (long) rows * cols).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).divi(255.0);
        if (borderMean(row) > 0.5) {
            row = row.rsub(1.0);
        }
        return row;
    }

    /** Mean brightness of the outermost pixels: the background, for a centred subject. */
    private double borderMean(INDArray row) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1) {
                    sum += row.getDouble(0, (long) r * cols + c);
                    count++;
                }
            }
        }
        return sum / count;
    }
}
