package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any tar stream, gzipped as {@code cifar-10-binary.tar.gz} is (the fuzzer mutates the tar, not the gzip layer,
 * which is the JDK's), is either read as CIFAR-10 batches with labels in range or refused with the suite's one user
 * error. Replays Cifar10BatchesFuzzTestInputs/ (an archive in CIFAR-10's layout with one record per batch, and
 * every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class Cifar10BatchesFuzzTest {
    private static final List<String> CLASSES = ImageDataset.CIFAR10.classNames();

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] tar) throws IOException {
        Path file = Files.createTempFile("fuzz", ".tar.gz");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(tar);
            }
            Cifar10Batches batches = Cifar10Batches.read(file);
            for (ImageClassData data : List.of(batches.train(CLASSES), batches.test(CLASSES))) {
                assertThat(data.size()).isPositive();
                assertThat(java.util.stream.IntStream.of(data.labelIndex())).allMatch(label -> label >= 0 && label < CLASSES.size());
                assertThat(data.features().size(0)).isEqualTo(data.size());
            }
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
