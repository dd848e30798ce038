package org.dl4jsuite.common.data;

import java.nio.file.Path;
import java.util.Arrays;

import org.dl4jsuite.common.SuiteException;

/**
 * Greyscale images with one class label each, as in MNIST. The arrays are shared, not copied, because
 * they are tens of megabytes.
 *
 * @param count  number of images
 * @param rows   image height
 * @param cols   image width
 * @param pixels count*rows*cols unsigned bytes, image by image, each row-major
 * @param labels count unsigned bytes
 */
public record LabelledImages(int count, int rows, int cols, byte[] pixels, byte[] labels) {

    /** The largest number of classes an IDX label byte can express. */
    private static final int MAX_CLASSES = 256;

    private static final int IMAGE_MAGIC = 2051;
    private static final int LABEL_MAGIC = 2049;

    public LabelledImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    count + "x" + rows + "x" + cols + " images need " + (long) count * rows * cols
                            + " pixels, got " + pixels.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(count + " images need " + count + " labels, got " + labels.length);
        }
    }

    /** Reads an MNIST-style image file and label file whose labels must be digits 0..9. */
    public static LabelledImages read(Path images, Path labels) {
        return read(images, labels, 10);
    }

    /** Reads an MNIST-style image file and label file whose labels must lie in 0..classCount-1. */
    public static LabelledImages read(Path images, Path labels, int classCount) {
        if (classCount < 1 || classCount > MAX_CLASSES) {
            throw new IllegalArgumentException("classCount must be in 1.." + MAX_CLASSES + ", was " + classCount);
        }
        IdxFile imageFile = IdxFile.read(images);
        requireMagic(imageFile, images, IMAGE_MAGIC, "image");
        IdxFile labelFile = IdxFile.read(labels);
        requireMagic(labelFile, labels, LABEL_MAGIC, "label");
        if (imageFile.count() != labelFile.count()) {
            throw new SuiteException(images + " holds " + imageFile.count() + " images but " + labels + " holds "
                    + labelFile.count() + " labels; the two files must come from the same split (train or t10k).");
        }
        byte[] labelBytes = labelFile.data();
        for (int i = 0; i < labelBytes.length; i++) {
            int label = labelBytes[i] & 0xff;
            if (label >= classCount) {
                throw new SuiteException(labels + " has label " + label + " at index " + i
                        + ", outside 0.." + (classCount - 1) + "; " + IdxFile.redownloadAdvice(labels));
            }
        }
        int[] dims = imageFile.dims();
        return new LabelledImages(dims[0], dims[1], dims[2], imageFile.data(), labelBytes);
    }

    /** The class label of image i. */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** The pixel at row r, column c of image i, scaled from 0..255 to [0,1]. */
    public float pixel(int i, int r, int c) {
        return (pixels[(i * rows + r) * cols + c] & 0xff) / 255f;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelledImages that
                && count == that.count && rows == that.rows && cols == that.cols
                && Arrays.equals(pixels, that.pixels) && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(pixels) + Arrays.hashCode(labels)) + count;
    }

    @Override
    public String toString() {
        return "LabelledImages[" + count + " images of " + rows + "x" + cols + "]";
    }

    private static void requireMagic(IdxFile file, Path path, int expected, String kind) {
        if (file.magic() != expected) {
            throw new SuiteException(path + " is not an idx " + kind + " file (magic " + file.magic()
                    + "); expected " + expected + ". Check that the " + kind + " file was passed in the right place.");
        }
        int expectedRank = expected == IMAGE_MAGIC ? 3 : 1;
        if (file.dims().length != expectedRank) {
            throw new SuiteException(path + " has " + file.dims().length + " dimensions; an idx " + kind
                    + " file has " + expectedRank + ".");
        }
    }
}
