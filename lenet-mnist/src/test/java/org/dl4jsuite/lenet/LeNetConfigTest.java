package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The options once: defaults, --net, and config.json both ways. */
class LeNetConfigTest {
    @Test
    void theDefaultsAreTheReferenceAssignments() {
        LeNetConfig config = new LeNetConfig();
        assertThat(config.dataset()).isEqualTo(ImageDataset.MNIST);
        assertThat(config.net()).isEqualTo(LeNetConfig.Network.LENET5);
        assertThat(config.batchSize()).isEqualTo(64);
        assertThat(config.learningRate()).isEqualTo(1e-3);
        assertThat(config.epochs()).isEqualTo(10);
    }

    @Test
    void netSelectsTheNetworkAndIsTheOnlySpelling() {
        assertThat(TrainConfig.with(new LeNetConfig(), "--net", "HANDWRITTEN").handwritten()).isTrue();
        assertThatThrownBy(() -> TrainConfig.with(new LeNetConfig(), "--layers", "handwritten"))
                .hasMessageContaining("--layers");
    }

    @Test
    void configJsonRoundTrips() {
        LeNetConfig config = TrainConfig.with(new LeNetConfig(), "--dataset", "fashion", "--net", "handwritten",
                "--epochs", "3");
        String json = Json.line(config);
        assertThat(json).contains("\"dataset\":\"fashion\"", "\"net\":\"handwritten\"", "\"epochs\":3");
        LeNetConfig back = Json.convert(Json.parse(json), LeNetConfig.class);
        assertThat(back.dataset()).isEqualTo(ImageDataset.FASHION);
        assertThat(back.handwritten()).isTrue();
        assertThat(back.epochs()).isEqualTo(3);
    }
}
