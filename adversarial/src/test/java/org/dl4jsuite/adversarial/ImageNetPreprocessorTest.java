package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Decoding to RGB in [0,1], the centre crop, and the 8-bit PNG round trip. */
class ImageNetPreprocessorTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static BufferedImage randomImage(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    @Test
    void pngPixelsComeBackAsRgbInUnitRangeAndTheCropIsCentred() throws Exception {
        BufferedImage image = randomImage(300, 224, 1);
        Path png = tmp.resolve("wide.png");
        ImageIO.write(image, "png", png.toFile());
        // Shorter side already 224: no resampling, only the centre crop, columns 38..261.
        INDArray x = new ImageNetPreprocessor(ImageNetPreprocessor.Resize.SHORTER_SIDE_AND_CROP, 224, 224).read(png);
        assertThat(x.shape()).containsExactly(1, 3, 224, 224);
        for (int[] at : new int[][] {{0, 0}, {10, 200}, {223, 223}, {117, 5}}) {
            int rgb = image.getRGB(at[1] + 38, at[0]);
            assertThat(x.getDouble(0, 0, at[0], at[1])).isCloseTo(((rgb >> 16) & 0xFF) / 255.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(x.getDouble(0, 1, at[0], at[1])).isCloseTo(((rgb >> 8) & 0xFF) / 255.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(x.getDouble(0, 2, at[0], at[1])).isCloseTo((rgb & 0xFF) / 255.0, org.assertj.core.data.Offset.offset(1e-6));
        }
        // Written back as PNG and read again: the same 8-bit values.
        Path again = tmp.resolve("again.png");
        PixelPng.write(x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)), 3, 224, 224, again);
        INDArray back = ImageNetPreprocessor.readUnresized(again);
        assertThat(back.equalsWithEps(x, 1e-6)).isTrue();
        assertThat(PixelPng.read(again, 3, 224, 224).reshape(1, 3, 224, 224).equalsWithEps(x, 1e-6)).isTrue();
    }

    @Test
    void realPhotoIsCroppedTo224AndDirectResizeKeepsEverything() {
        Path photo = SharedData.dir().resolve("imagenet/n01443537_2675_goldfish.jpg");
        INDArray crop = ImageNetPreprocessor.standard().read(photo);
        INDArray direct = new ImageNetPreprocessor(ImageNetPreprocessor.Resize.DIRECT, 256, 224).read(photo);
        assertThat(crop.shape()).containsExactly(1, 3, 224, 224);
        assertThat(direct.shape()).containsExactly(1, 3, 224, 224);
        assertThat(crop.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(crop.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0).isGreaterThan(0.5);
        // A goldfish photo is redder than it is blue: RGB, not OpenCV's BGR.
        assertThat(crop.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                .meanNumber().doubleValue()).isGreaterThan(crop.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(2)).meanNumber().doubleValue());
        assertThat(crop.equalsWithEps(direct, 1e-3)).isFalse();
    }

    @Test
    void unreadableImagesAreUserErrors() throws Exception {
        Path text = tmp.resolve("not-an-image.jpg");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> ImageNetPreprocessor.standard().read(text)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a PNG, JPEG or BMP file").hasMessageContaining("not-an-image.jpg");
        assertThatThrownBy(() -> ImageNetPreprocessor.standard().read(tmp.resolve("missing.png")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("image not found");
    }
}
