package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTest {

    @TempDir
    Path tmp;

    @Test
    void readsPixelsRowMajorScaledToUnitRange() throws IOException {
        // Two 2x3 images.
        byte[] pixels = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 10, 20, 30, 40, 50, 60};
        Path images = Files.write(tmp.resolve("img"), IdxFileTest.idx(0x08, new int[] {2, 2, 3}, pixels));
        Path labels = Files.write(tmp.resolve("lbl"), IdxFileTest.idx(0x08, new int[] {2}, new byte[] {9, 0}));

        LabelledImages set = LabelledImages.read(images, labels);

        assertThat(set.count()).isEqualTo(2);
        assertThat(set.rows()).isEqualTo(2);
        assertThat(set.cols()).isEqualTo(3);
        assertThat(set.label(0)).isEqualTo(9);
        assertThat(set.label(1)).isEqualTo(0);
        assertThat(set.pixel(0, 0, 1)).isCloseTo(0.2f, within(1e-6f));
        assertThat(set.pixel(0, 1, 2)).isEqualTo(1.0f);
        assertThat(set.pixel(1, 1, 0)).isCloseTo(40 / 255f, within(1e-6f));
    }

    @Test
    void labelsFilePassedAsImagesNamesTheExpectedMagic() {
        Path labels = SharedData.dir().resolve("mnist").resolve("t10k-labels-idx1-ubyte.gz");

        assertThatThrownBy(() -> LabelledImages.read(labels, labels))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(labels + " is not an idx image file (magic 2049); expected 2051");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = Files.write(tmp.resolve("img"), IdxFileTest.idx(0x08, new int[] {2, 1, 1}, new byte[2]));
        Path labels = Files.write(tmp.resolve("lbl"), IdxFileTest.idx(0x08, new int[] {3}, new byte[3]));

        assertThatThrownBy(() -> LabelledImages.read(images, labels))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("holds 2 images but " + labels + " holds 3 labels");
    }

    @Test
    void labelsOutsideTheClassRangeAreRejected() throws IOException {
        Path images = Files.write(tmp.resolve("img"), IdxFileTest.idx(0x08, new int[] {2, 1, 1}, new byte[2]));
        Path labels = Files.write(tmp.resolve("lbl"), IdxFileTest.idx(0x08, new int[] {2}, new byte[] {3, 12}));

        assertThatThrownBy(() -> LabelledImages.read(images, labels))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("label 12 at index 1")
                .hasMessageContaining("outside 0..9");
        assertThat(LabelledImages.read(images, labels, 13).label(1)).isEqualTo(12);
        assertThatThrownBy(() -> LabelledImages.read(images, labels, 4))
                .hasMessageContaining("outside 0..3");
    }

    @Test
    void realMnistSplitsHaveTheKnownSizesAndFirstLabels() {
        ResolvedDataset mnist = new DatasetResolver(SharedData.dir().resolve("mnist"), java.util.Map.of(),
                new HttpDownloader(), false, DownloadProgress.silent()).resolve(Datasets.MNIST);

        LabelledImages train = MnistSplits.train(mnist);
        LabelledImages test = MnistSplits.test(mnist);

        assertThat(train.count()).isEqualTo(60000);
        assertThat(train.rows()).isEqualTo(28);
        assertThat(train.cols()).isEqualTo(28);
        assertThat(train.label(0)).isEqualTo(5);
        assertThat(test.count()).isEqualTo(10000);
        assertThat(test.label(0)).isEqualTo(7);
    }
}
