package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.model.ImageModelFacts;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A suite model zip is attacked at the image size its metadata records. */
class TargetModelTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private Path zip(String name, Object facts) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        Path file = tmp.resolve(name);
        ModelFile.save(net, file, false, ModelMetadata.of("lenet-mnist", "mlp", ModelMetadata.MULTI_LAYER, facts));
        return file;
    }

    @Test
    void theImageSizeIsTheOneTheZipRecords() {
        TargetModel model = TargetModel.load(zip("sized.zip",
                new ImageModelFacts("mnist", List.of("a", "b"), 1, 2, 3)), null);
        assertThat(List.of(model.channels(), model.rows(), model.cols())).containsExactly(1, 2, 3);
        assertThat(model.classifier().classNames()).containsExactly("a", "b");
    }

    @Test
    void aZipThatDoesNotRecordItIsAUserError() {
        Path unsized = zip("unsized.zip", java.util.Map.of("dataset", "mnist", "classNames", List.of("a", "b")));
        assertThatThrownBy(() -> TargetModel.load(unsized, null)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("unsized.zip").hasMessageContaining("image size");
    }
}
