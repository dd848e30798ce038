package org.dl4jsuite.common.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * The image classification datasets the suite knows: MNIST digits and Fashion-MNIST (idx files, 1×28×28) and
 * CIFAR-10 (binary batches, 3×32×32), each with its class names in label order.
 */
public enum ImageDataset {
    MNIST("mnist", 1, 28, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION("fashion", 1, 28, List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot")),
    CIFAR10("cifar10", 3, 32, List.of("plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"));

    private final String option;
    private final int channels;
    private final int side;
    private final List<String> classNames;

    ImageDataset(String option, int channels, int side, List<String> classNames) {
        this.option = option;
        this.channels = channels;
        this.side = side;
        this.classNames = classNames;
    }

    /** Colour planes per image (1 grayscale, 3 RGB). */
    public int channels() {
        return channels;
    }

    /** Image height and width (square images). */
    public int side() {
        return side;
    }

    /** The variant named by a --dataset value (mnist or fashion). */
    @JsonCreator
    public static ImageDataset fromOption(String value) {
        for (ImageDataset v : values()) {
            if (v.option.equalsIgnoreCase(value)) {
                return v;
            }
        }
        throw new SuiteException("unknown dataset '" + value + "'; use mnist, fashion or cifar10");
    }

    /** The --dataset value. */
    @JsonValue
    public String option() {
        return option;
    }

    /** The --dataset value, as help and messages show it. */
    @Override
    public String toString() {
        return option;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The resolver's description of this dataset. */
    public DatasetSpec spec() {
        return switch (this) {
            case MNIST -> Datasets.MNIST;
            case FASHION -> Datasets.FASHION_MNIST;
            case CIFAR10 -> Datasets.CIFAR10;
        };
    }

    /** Finds (or downloads) the files, honouring {@code --data-dir} when not null. */
    public ResolvedDataset resolve(Path dataDir) {
        return DatasetResolver.standard(dataDir).resolve(spec());
    }

    /** The training images (60,000; CIFAR-10: 50,000). */
    public ImageClassData train(ResolvedDataset files) {
        return this == CIFAR10 ? cifar(files).train(classNames) : ImageClassData.of(MnistSplits.train(files), classNames);
    }

    /** The 10,000 test images. */
    public ImageClassData test(ResolvedDataset files) {
        return this == CIFAR10 ? cifar(files).test(classNames) : ImageClassData.of(MnistSplits.test(files), classNames);
    }

    /** CIFAR-10's batches, decompressed once per archive even when train and test are both asked for. */
    private static Cifar10Batches cifar(ResolvedDataset files) {
        return Cifar10Batches.cached(files.file(Cifar10Batches.ARCHIVE));
    }
}
