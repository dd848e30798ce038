package org.dl4jsuite.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.train.TinyClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void roundTripKeepsParametersAndMetadata() throws IOException {
        MultiLayerNetwork net = TinyClassifier.network(3);
        Path file = tmp.resolve("model.zip");
        ModelMetadata metadata = new ModelMetadata("test", "tiny", ModelMetadata.MULTI_LAYER,
                Map.of("classNames", java.util.List.of("a", "b", "c")));
        ModelFile.save(net, file, false, metadata);
        assertThat(ModelFile.readMetadata(file)).isEqualTo(metadata);
        assertThat(ModelFile.loadMultiLayer(file, "test", false).params()).isEqualTo(net.params());
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aModelOfAnotherModuleIsRejectedByName() {
        Path file = tmp.resolve("model.zip");
        ModelFile.save(TinyClassifier.network(3), file, false,
                new ModelMetadata("char-lstm", "char-lstm", ModelMetadata.MULTI_LAYER, Map.of()));
        assertThatThrownBy(() -> ModelFile.loadMultiLayer(file, "lenet-mnist", false))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("is a char-lstm model")
                .hasMessageContaining("not a lenet-mnist model");
    }

    @Test
    void notAZipIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("model.zip"), "hello");
        assertThatThrownBy(() -> ModelFile.readMetadata(file)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not a model file");
    }

    @Test
    void aPlainDl4jModelIsRecognisedButNotTakenForASuiteModel() throws IOException {
        Path file = tmp.resolve("plain.zip");
        ModelSerializer.writeModel(TinyClassifier.network(3), file.toFile(), false);
        assertThatThrownBy(() -> ModelFile.readMetadata(file)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not saved by this suite");
    }

    @Test
    void aMissingFileSaysWhereModelsAre() {
        assertThatThrownBy(() -> ModelFile.readMetadata(tmp.resolve("nope.zip"))).isInstanceOf(SuiteException.class)
                .hasMessageContaining("model file not found")
                .hasMessageContaining("model.zip");
    }

    @Test
    void membersDl4jWouldTrustAreCheckedFirst() throws IOException {
        Path good = tmp.resolve("model.zip");
        ModelFile.save(TinyClassifier.network(3), good, true, TinyClassifier.metadata());
        Map<String, byte[]> members = ZipMembers.read(good);
        assertThat(ModelFile.loadMultiLayer(good, "test", true).params()).isNotNull();

        // Java serialisation would run whatever classes the file names.
        assertLoadRefused(ZipMembers.with(members, "preprocessor.bin", new byte[] {(byte) 0xac, (byte) 0xed}),
                "'preprocessor.bin', which suite models never hold (DL4J would deserialise it as Java objects)");
        // coefficients.bin's buffer header claiming 2^40 floats: Nd4j.read would ask for 4 TB.
        byte[] coefficients = members.get("coefficients.bin").clone();
        int at = indexOf(coefficients, "FLOAT".getBytes(StandardCharsets.US_ASCII), 0) - 10;
        java.nio.ByteBuffer.wrap(coefficients).putLong(at, 1L << 40);
        assertLoadRefused(ZipMembers.with(members, "coefficients.bin", coefficients),
                "coefficients.bin that DL4J cannot read");
        // One value short: native code would read past the buffer.
        byte[] shortBuffer = java.util.Arrays.copyOf(members.get("coefficients.bin"),
                members.get("coefficients.bin").length - 4);
        assertLoadRefused(ZipMembers.with(members, "coefficients.bin", shortBuffer), "but only");
        assertLoadRefused(ZipMembers.without(members, "coefficients.bin"), "lacks configuration.json or coefficients.bin");
        assertLoadRefused(ZipMembers.with(members, "dl4j-suite.json", "{\"module\": \"test\"}".getBytes(StandardCharsets.UTF_8)),
                "without its module, kind or network type");
    }

    private void assertLoadRefused(Map<String, byte[]> members, String message) throws IOException {
        Path file = Files.createTempFile(tmp, "m", ".zip");
        ZipMembers.write(file, members);
        assertThatThrownBy(() -> ModelFile.loadMultiLayer(file, "test", true)).isInstanceOf(SuiteException.class)
                .hasMessageContaining(message);
    }

    /** The position of the {@code n}-th (0-based) occurrence of {@code needle}. */
    private static int indexOf(byte[] haystack, byte[] needle, int n) {
        for (int i = 0, seen = 0; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length) && seen++ == n) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
