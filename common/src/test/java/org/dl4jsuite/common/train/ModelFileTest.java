package org.dl4jsuite.common.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
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
}
