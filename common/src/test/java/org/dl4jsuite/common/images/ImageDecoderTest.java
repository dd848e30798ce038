package org.dl4jsuite.common.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers are read and checked before OpenCV decodes: real JPEG, PNG and BMP files pass, lying ones do not. */
class ImageDecoderTest {
    @TempDir
    Path tmp;

    static Path seed(String name) {
        return TestResources.path(ImageDecoderTest.class, "ImageDecoderFuzzTestInputs/readsOrRefuses/" + name);
    }

    @Test
    void readsTheHeadersOfRealFiles() {
        assertThat(ImageDecoder.header(seed("goldfish-40x30.jpg"))).isEqualTo(new ImageDecoder.Header("jpeg", 40, 30));
        assertThat(ImageDecoder.header(seed("mnist-test-0.png"))).isEqualTo(new ImageDecoder.Header("png", 28, 28));
        assertThat(ImageDecoder.header(seed("mnist-test-0.bmp"))).isEqualTo(new ImageDecoder.Header("bmp", 28, 28));
    }

    @Test
    void aPngClaimingAGigapixelIsRefusedBeforeDecoding() throws IOException {
        byte[] png = Files.readAllBytes(seed("mnist-test-0.png"));
        // IHDR's width and height (bytes 16..23), with its CRC (bytes 29..32) made right again.
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 40_000).putInt(20, 30_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path huge = Files.write(tmp.resolve("huge.png"), png);
        assertThatThrownBy(() -> ImageDecoder.decode(huge, 0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("declares 40000 × 30000 pixels");
    }

    @Test
    void aSideLongerThanOpenCvTakesIsRefusedBeforeDecoding() {
        // Found by ImageDecoderFuzzTest: a BMP of 1,835,008 × 28 pixels, within MAX_PIXELS, made OpenCV throw.
        assertThatThrownBy(() -> ImageDecoder.decode(seed("found-bmp-wider-than-opencv-allows"), 0))
                .isInstanceOf(SuiteException.class).hasMessageContaining("declares 1835008 × 28 pixels")
                .hasMessageContaining("at most 65,535 on a side");
    }

    @Test
    void otherFormatsAndDamagedFilesAreRefused() throws IOException {
        Path text = Files.writeString(tmp.resolve("digit.png"), "not an image");
        assertThatThrownBy(() -> ImageDecoder.decode(text, 0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a PNG, JPEG or BMP file");
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        Path gifFile = Files.write(tmp.resolve("x.gif"), gif);
        assertThatThrownBy(() -> ImageDecoder.decode(gifFile, 0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a PNG, JPEG or BMP file");
        // A PNM signature made ImageIO instantiate jai-imageio's PNM reader, which fails on Java 17 with an Error.
        Path pnm = Files.write(tmp.resolve("x.pnm"), "P1NG\r\n\u001a\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ImageDecoder.decode(pnm, 0)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not a PNG, JPEG or BMP file");
        byte[] jpeg = Files.readAllBytes(seed("goldfish-40x30.jpg"));
        Path cut = Files.write(tmp.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, 200));
        assertThatThrownBy(() -> ImageDecoder.decode(cut, 1)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("cut.jpg");
    }
}
