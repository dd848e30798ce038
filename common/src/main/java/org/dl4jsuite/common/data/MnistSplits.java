package org.dl4jsuite.common.data;

/** Loads the training and test splits of MNIST-layout datasets (MNIST, Fashion-MNIST). */
public final class MnistSplits {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private MnistSplits() {
    }

    /** The 60000 training images and labels. */
    public static LabelledImages train(ResolvedDataset dataset) {
        return LabelledImages.read(dataset.file(TRAIN_IMAGES), dataset.file(TRAIN_LABELS));
    }

    /** The 10000 test images and labels. */
    public static LabelledImages test(ResolvedDataset dataset) {
        return LabelledImages.read(dataset.file(TEST_IMAGES), dataset.file(TEST_LABELS));
    }
}
