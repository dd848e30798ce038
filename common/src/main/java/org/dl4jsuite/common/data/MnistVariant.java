package org.dl4jsuite.common.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.List;
import org.dl4jsuite.common.SuiteException;

/** The datasets in MNIST's idx format that the suite knows: MNIST digits and Fashion-MNIST. */
public enum MnistVariant {
    MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION("fashion", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot"));

    private final String option;
    private final List<String> classNames;

    MnistVariant(String option, List<String> classNames) {
        this.option = option;
        this.classNames = classNames;
    }

    /** The variant named by a --dataset value (mnist or fashion). */
    @JsonCreator
    public static MnistVariant fromOption(String value) {
        for (MnistVariant v : values()) {
            if (v.option.equalsIgnoreCase(value)) {
                return v;
            }
        }
        throw new SuiteException("unknown dataset '" + value + "'; use mnist or fashion");
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
        return this == MNIST ? Datasets.MNIST : Datasets.FASHION_MNIST;
    }

    /** Finds (or downloads) the files, honouring {@code --data-dir} when not null. */
    public ResolvedDataset resolve(Path dataDir) {
        return DatasetResolver.standard(dataDir).resolve(spec());
    }

    /** The 60,000 training images. */
    public ImageClassData train(ResolvedDataset files) {
        return ImageClassData.of(MnistSplits.train(files), classNames);
    }

    /** The 10,000 test images. */
    public ImageClassData test(ResolvedDataset files) {
        return ImageClassData.of(MnistSplits.test(files), classNames);
    }
}
