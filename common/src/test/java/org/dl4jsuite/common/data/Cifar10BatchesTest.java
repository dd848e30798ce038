package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's binary format, from an archive laid out as the published one and written here, record by record. */
class Cifar10BatchesTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** {@code records} records whose label is (batch + r) % 10 and whose pixel p of plane c is (r + c * 50 + p) % 256. */
    static byte[] batch(int batch, int records) {
        byte[] bytes = new byte[records * Cifar10Batches.RECORD];
        for (int r = 0; r < records; r++) {
            bytes[r * Cifar10Batches.RECORD] = (byte) ((batch + r) % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    bytes[r * Cifar10Batches.RECORD + 1 + c * 1024 + p] = (byte) ((r + c * 50 + p) % 256);
                }
            }
        }
        return bytes;
    }

    /** An archive like cifar-10-binary.tar.gz: cifar-10-batches-bin/ with batches.meta.txt and the six batches. */
    static Path archive(Path dir, int recordsPerBatch) throws IOException {
        Path file = dir.resolve(Cifar10Batches.ARCHIVE);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "cifar-10-batches-bin/batches.meta.txt", "airplane\nautomobile\n".getBytes());
            for (int b = 1; b <= 5; b++) {
                add(tar, "cifar-10-batches-bin/data_batch_" + b + ".bin", batch(b, recordsPerBatch));
            }
            add(tar, "cifar-10-batches-bin/test_batch.bin", batch(0, recordsPerBatch));
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Test
    void readsEveryBatchAsColourPlanesWithLabels() throws IOException {
        Cifar10Batches batches = Cifar10Batches.read(archive(tmp, 3));
        ImageClassData train = batches.train(ImageDataset.CIFAR10.classNames());
        assertThat(train.size()).isEqualTo(15);
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.rows()).isEqualTo(32);
        assertThat(train.features().shape()).containsExactly(15, 3072);
        // batch 2, record 1: label 3; green plane (c = 1) pixel 5 = (1 + 50 + 5) / 255
        assertThat(train.labelIndex()[3 + 1]).isEqualTo(3);
        assertThat(train.features().getFloat(4, 1024 + 5)).isEqualTo(56 / 255f);
        assertThat(train.labels().getFloat(4, 3)).isEqualTo(1f);
        ImageClassData test = batches.test(ImageDataset.CIFAR10.classNames());
        assertThat(test.size()).isEqualTo(3);
        assertThat(test.labelIndex()).containsExactly(0, 1, 2);
        assertThat(test.classNames().get(0)).isEqualTo("plane");
    }

    @Test
    void anExtractedFolderReadsTheSame() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("cifar10/cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), batch(b, 2));
        }
        Files.write(folder.resolve("test_batch.bin"), batch(0, 2));
        ImageClassData train = Cifar10Batches.read(tmp.resolve("cifar10")).train(ImageDataset.CIFAR10.classNames());
        assertThat(train.size()).isEqualTo(10);
        assertThat(train.labelIndex()[2]).isEqualTo(2);
    }

    @Test
    void truncatedForeignAndIncompleteFilesAreClearErrors() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("short"));
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), batch(b, 2));
        }
        byte[] cut = batch(0, 2);
        Files.write(folder.resolve("test_batch.bin"), java.util.Arrays.copyOf(cut, cut.length - 7));
        assertThatThrownBy(() -> Cifar10Batches.read(folder).test(ImageDataset.CIFAR10.classNames()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("not whole records of 3073 bytes");

        Path foreign = tmp.resolve("foreign.tar.gz");
        Files.writeString(foreign, "not gzip");
        assertThatThrownBy(() -> Cifar10Batches.read(foreign)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("is not CIFAR-10's binary archive");

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Path emptyArchive = empty.resolve(Cifar10Batches.ARCHIVE);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(emptyArchive));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "readme.txt", "hello".getBytes());
        }
        assertThatThrownBy(() -> Cifar10Batches.read(emptyArchive).train(ImageDataset.CIFAR10.classNames()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("has no data_batch_1.bin");

        byte[] badLabel = batch(0, 1);
        badLabel[0] = 12;
        Path labels = Files.createDirectories(tmp.resolve("labels"));
        for (int b = 1; b <= 5; b++) {
            Files.write(labels.resolve("data_batch_" + b + ".bin"), badLabel);
        }
        Files.write(labels.resolve("test_batch.bin"), badLabel);
        assertThatThrownBy(() -> Cifar10Batches.read(labels).test(ImageDataset.CIFAR10.classNames()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("label 12, beyond the 10 classes");

        // Found by Cifar10BatchesFuzzTest: empty batch files made a split of no images.
        Path none = Files.createDirectories(tmp.resolve("none"));
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(none.resolve(name), new byte[0]);
        }
        assertThatThrownBy(() -> Cifar10Batches.read(none).test(ImageDataset.CIFAR10.classNames()))
                .isInstanceOf(SuiteException.class).hasMessageContaining("has empty batches");
    }

    @Test
    void offlineWithoutACopyTheResolverSaysWhereToPutTheArchive() {
        assertThatThrownBy(() -> ImageDataset.CIFAR10.resolve(tmp.resolve("nowhere")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("cifar-10-binary.tar.gz");
    }
}
