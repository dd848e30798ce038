package org.dl4jsuite.adversarial;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.datavec.image.loader.NativeImageLoader;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.images.ImageDecoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * torchvision's ImageNet evaluation input, up to the normalisation (which is inside the network): decode
 * to RGB, resize the shorter side to 256 and centre-crop 224 (or, as the reference did, resize directly to
 * 224×224), scale to [0,1]. The reference kept OpenCV's BGR order and divided by 256; both are fixed here.
 */
public final class ImageNetPreprocessor {

    /** How the photo is brought to the crop size. */
    public enum Resize {
        /** Shorter side to {@code resizeTo}, then the central crop (torchvision's Resize(256) + CenterCrop(224)). */
        SHORTER_SIDE_AND_CROP,
        /** Straight to crop×crop, ignoring the aspect ratio (the reference's choice). */
        DIRECT
    }

    private final Resize mode;
    private final int resizeTo;
    private final int crop;

    public ImageNetPreprocessor(Resize mode, int resizeTo, int crop) {
        if (crop <= 0 || resizeTo < crop) {
            throw new SuiteException("the crop must be positive and at most the resize size, got resize " + resizeTo + ", crop " + crop);
        }
        this.mode = mode;
        this.resizeTo = resizeTo;
        this.crop = crop;
    }

    /** The central crop's share of the shorter side: torchvision's 224/256 and TF-slim's central_fraction alike. */
    public static final double CROP_FRACTION = 0.875;

    /** A {@code crop}×{@code crop} input resized as {@code mode} says, the crop being {@link #CROP_FRACTION} of the shorter side. */
    public static ImageNetPreprocessor forCrop(Resize mode, int crop) {
        return new ImageNetPreprocessor(mode, (int) Math.round(crop / CROP_FRACTION), crop);
    }

    /** torchvision's 256 → 224 centre crop. */
    public static ImageNetPreprocessor standard() {
        return new ImageNetPreprocessor(Resize.SHORTER_SIDE_AND_CROP, 256, 224);
    }

    /** The image as [1, 3, crop, crop] RGB in [0,1]. */
    public INDArray read(Path file) {
        Mat bgr = decode(file);
        Mat sized;
        if (mode == Resize.DIRECT) {
            sized = resized(bgr, crop, crop);
        } else {
            int h = bgr.rows();
            int w = bgr.cols();
            // Shorter side to resizeTo, the longer one scaled alike (rounded as torchvision does: int(size·long/short)).
            int newH = h <= w ? resizeTo : (int) ((long) resizeTo * h / w);
            int newW = h <= w ? (int) ((long) resizeTo * w / h) : resizeTo;
            Mat scaled = resized(bgr, newH, newW);
            // Centre crop offsets as torchvision's: round((size − crop)/2).
            int top = (int) Math.round((newH - crop) / 2.0);
            int left = (int) Math.round((newW - crop) / 2.0);
            sized = new Mat(scaled, new Rect(left, top, crop, crop)).clone();
        }
        return toRgb(sized);
    }

    /** Decodes with OpenCV (BGR, 8 bit, 3 channels); unreadable files are user errors. */
    static Mat decode(Path file) {
        return ImageDecoder.decode(file, IMREAD_COLOR);
    }

    /** A decoded image without any resizing as [1, 3, h, w] RGB in [0,1]. */
    static INDArray readUnresized(Path file) {
        return toRgb(decode(file));
    }

    private static Mat resized(Mat image, int height, int width) {
        if (image.rows() == height && image.cols() == width) {
            return image;
        }
        Mat out = new Mat();
        // Area averaging when shrinking (no aliasing, close to PIL's antialiased bilinear), bilinear when enlarging.
        boolean shrinking = height < image.rows() || width < image.cols();
        resize(image, out, new Size(width, height), 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        return out;
    }

    /** NativeImageLoader gives [1, 3, h, w] in OpenCV's B, G, R channel order with values 0..255: reverse and scale. */
    private static INDArray toRgb(Mat bgr) {
        INDArray b;
        try {
            b = new NativeImageLoader(bgr.rows(), bgr.cols(), 3).asMatrix(bgr).castTo(DataType.FLOAT);
        } catch (IOException e) {
            throw new SuiteException("cannot convert the decoded image: " + e.getMessage());
        }
        INDArray rgb = Nd4j.concat(1,
                b.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 3), NDArrayIndex.all(), NDArrayIndex.all()),
                b.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 2), NDArrayIndex.all(), NDArrayIndex.all()),
                b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()));
        return rgb.divi(255.0);
    }
}
