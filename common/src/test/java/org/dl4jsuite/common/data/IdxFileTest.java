package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path tmp;

    @Test
    void readsRealMnistTrainingImagesAndLabels() {
        Path mnist = SharedData.dir().resolve("mnist");

        IdxFile images = IdxFile.read(mnist.resolve("train-images-idx3-ubyte.gz"));
        IdxFile labels = IdxFile.read(mnist.resolve("train-labels-idx1-ubyte.gz"));

        assertThat(images.magic()).isEqualTo(2051);
        assertThat(images.dims()).containsExactly(60000, 28, 28);
        assertThat(images.count()).isEqualTo(60000);
        assertThat(images.data()).hasSize(60000 * 28 * 28);
        assertThat(labels.magic()).isEqualTo(2049);
        assertThat(labels.dims()).containsExactly(60000);
        assertThat(labels.data()[0]).isEqualTo((byte) 5);
    }

    @Test
    void realTestLabelsStartWithSeven() {
        IdxFile labels = IdxFile.read(SharedData.dir().resolve("mnist").resolve("t10k-labels-idx1-ubyte.gz"));

        assertThat(labels.dims()).containsExactly(10000);
        assertThat(labels.data()[0]).isEqualTo((byte) 7);
    }

    @Test
    void rawAndGzippedCopiesGiveTheSameDataWhateverTheExtension() throws IOException {
        Path gz = SharedData.dir().resolve("mnist").resolve("t10k-images-idx3-ubyte.gz");
        // Named .gz on purpose: detection must go by content, not extension.
        Path raw = tmp.resolve("raw-but-named.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, raw);
        }

        IdxFile fromGz = IdxFile.read(gz);
        IdxFile fromRaw = IdxFile.read(raw);

        assertThat(fromRaw.magic()).isEqualTo(2051);
        assertThat(fromRaw.dims()).containsExactly(10000, 28, 28);
        assertThat(Arrays.equals(fromRaw.data(), fromGz.data())).isTrue();
    }

    @Test
    void truncatedGzipIsReportedNotThrownAsEofException() throws IOException {
        Path gz = SharedData.dir().resolve("mnist").resolve("t10k-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(gz);
        Path half = Files.write(tmp.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> IdxFile.read(half))
                .isInstanceOf(SuiteException.class)
                .hasMessageStartingWith(half + " is ")
                .hasMessageMatching("(?s).*(truncated|corrupt).*")
                .hasMessageContaining("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-images-idx3-ubyte.gz");
    }

    @Test
    void corruptGzipIsReportedNotThrownAsZipException() throws IOException {
        byte[] bytes = gzip(idx(0x08, new int[] {4}, new byte[] {1, 2, 3, 4}));
        bytes[2] = 7;  // compression method 7 does not exist; only 8 (deflate) is valid
        Path bad = Files.write(tmp.resolve("bad.gz"), bytes);

        assertThatThrownBy(() -> IdxFile.read(bad))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(bad + " is corrupt: not a valid gzip stream");
    }

    @Test
    void truncatedRawFileSaysHowManyBytesWereExpected() throws IOException {
        byte[] full = idx(0x08, new int[] {3, 2, 2}, new byte[12]);
        Path cut = Files.write(tmp.resolve("cut"), Arrays.copyOf(full, full.length - 5));

        assertThatThrownBy(() -> IdxFile.read(cut))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(cut + " is truncated: expected 12 bytes of data after the header (3x2x2), found 7");
    }

    @Test
    void fileCutInsideTheHeaderIsTruncated() throws IOException {
        Path cut = Files.write(tmp.resolve("cut"), new byte[] {0, 0, 8, 3, 0, 0});

        assertThatThrownBy(() -> IdxFile.read(cut))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(cut + " is truncated: it ends inside the IDX header");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = idx(0x08, new int[] {2}, new byte[] {1, 2});
        Path padded = Files.write(tmp.resolve("padded"), Arrays.copyOf(full, full.length + 3));

        assertThatThrownBy(() -> IdxFile.read(padded))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("3 unexpected bytes after the 2 bytes of data");
    }

    @Test
    void nonZeroLeadingBytesAndNonByteTypesAreRejected() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello world");
        Path floats = Files.write(tmp.resolve("floats"), idx(0x0D, new int[] {1}, new byte[4]));

        assertThatThrownBy(() -> IdxFile.read(text))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining(text + " is not an IDX file: it starts with 0x68656c6c");
        assertThatThrownBy(() -> IdxFile.read(floats))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("element type 0x0d");
    }

    @Test
    void smallFileRoundTripsExactly() throws IOException {
        Path file = Files.write(tmp.resolve("small.gz"), gzip(idx(0x08, new int[] {2, 3}, new byte[] {0, 1, 2, (byte) 200, 4, 5})));

        IdxFile idx = IdxFile.read(file);

        assertThat(idx.magic()).isEqualTo(0x0802);
        assertThat(idx.dims()).containsExactly(2, 3);
        assertThat(idx.count()).isEqualTo(2);
        assertThat(idx.data()[3] & 0xff).isEqualTo(200);
    }

    @Test
    void missingFileIsASuiteException() {
        Path absent = tmp.resolve("absent");

        assertThatThrownBy(() -> IdxFile.read(absent))
                .isInstanceOf(SuiteException.class)
                .hasMessage(absent + " does not exist.");
    }

    /** An IDX file with the given element type, dimensions and data. */
    static byte[] idx(int type, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }
}
