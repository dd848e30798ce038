package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void byIdFindsEachDatasetAndRejectsUnknownIdsListingTheKnownOnes() {
        assertThat(Datasets.byId("mnist")).isSameAs(Datasets.MNIST);
        assertThat(Datasets.byId("fashion-mnist")).isSameAs(Datasets.FASHION_MNIST);
        assertThat(Datasets.byId("tinyshakespeare")).isSameAs(Datasets.TINY_SHAKESPEARE);
        assertThat(Datasets.byId("ptb")).isSameAs(Datasets.PTB);
        assertThat(Datasets.byId("imagenet")).isSameAs(Datasets.IMAGENET_CLASSES);

        assertThat(Datasets.byId("cifar10")).isSameAs(Datasets.CIFAR10);
        assertThat(Datasets.CIFAR10.files().get(0).md5()).isEqualTo("c32a1d4ab5d03f1284b67883e8d87530");
        assertThat(Datasets.CIFAR10.files().get(0).urls()).containsExactly(
                "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

        assertThatThrownBy(() -> Datasets.byId("cifar100"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("'cifar100'")
                .hasMessageContaining("mnist, fashion-mnist, cifar10, tinyshakespeare, ptb, imagenet");
    }

    @Test
    void mnistFilesHaveMirrorsAndRawAlternateNames() {
        DatasetFile trainImages = Datasets.MNIST.files().get(0);

        assertThat(trainImages.name()).isEqualTo("train-images-idx3-ubyte.gz");
        assertThat(trainImages.urls()).containsExactly(
                "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz",
                "https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz");
        assertThat(trainImages.alternateNames())
                .containsExactly("train-images-idx3-ubyte", "train-images.idx3-ubyte");
        assertThat(Datasets.FASHION_MNIST.files().get(3).alternateNames())
                .containsExactly("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte");
        assertThat(Datasets.FASHION_MNIST.files().get(0).md5()).isEqualTo("8d4fb7e6c68d591d4c3dfef9ec88bf0d");
        assertThat(Datasets.FASHION_MNIST.files().get(0).sha256()).isNull();
    }

    /** The catalogue's SHA-256 values must be those of the real files, or every download would be rejected. */
    @Test
    void catalogueChecksumsMatchTheSharedDataFiles() throws Exception {
        Path shared = SharedData.dir();
        Map<String, String> sums = Files.readAllLines(shared.resolve("SHA256SUMS")).stream()
                .map(line -> line.split("\\s+", 2))
                .collect(Collectors.toMap(parts -> parts[1], parts -> parts[0]));
        Map<DatasetSpec, String> sharedDirOf = Map.of(Datasets.MNIST, "mnist", Datasets.TINY_SHAKESPEARE,
                "tinyshakespeare", Datasets.PTB, "ptb", Datasets.IMAGENET_CLASSES, "imagenet");

        int checked = 0;
        for (var entry : sharedDirOf.entrySet()) {
            for (DatasetFile file : entry.getKey().files()) {
                String relative = entry.getValue() + "/" + file.name();
                assertThat(file.sha256()).as(relative).isEqualTo(sums.get(relative));
                assertThat(Checksums.sha256(shared.resolve(relative))).as(relative).isEqualTo(file.sha256());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
        assertThat(List.of(Datasets.MNIST, Datasets.PTB)).allSatisfy(spec ->
                assertThat(spec.files()).allSatisfy(f -> assertThat(f.hasChecksum()).isTrue()));
    }
}
