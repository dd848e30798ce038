package org.dl4jsuite.wordlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.train.TrainConfig;
import org.junit.jupiter.api.Test;

/** The options once: the notebook's defaults, range checks, config.json both ways. */
class WordLmConfigTest {
    @Test
    void theDefaultsAreTheNotebooks() {
        WordLmConfig config = new WordLmConfig();
        assertThat(config.batchSize()).isEqualTo(20);
        assertThat(config.seqLength()).isEqualTo(30);
        assertThat(config.embedding()).isEqualTo(128);
        assertThat(config.hidden()).isEqualTo(1024);
        assertThat(config.layers()).isEqualTo(1);
        assertThat(config.learningRate()).isEqualTo(0.002);
        assertThat(config.clipNorm()).isEqualTo(0.5);
        assertThat(config.epochs()).isEqualTo(5);
    }

    @Test
    void embeddingSetsTheEmbeddingSizeAndBadValuesNameTheOption() {
        assertThat(TrainConfig.with(new WordLmConfig(), "--embedding", "32").embedding()).isEqualTo(32);
        assertThatThrownBy(() -> TrainConfig.with(new WordLmConfig(), "--embed", "64")).hasMessageContaining("--embed");
        assertThatThrownBy(() -> TrainConfig.with(new WordLmConfig(), "--dropout", "1"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("--dropout must be at least 0 and below 1");
        assertThatThrownBy(() -> TrainConfig.with(new WordLmConfig(), "--clip", "0"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("--clip must be a positive number");
    }

    @Test
    void configJsonRoundTrips() {
        WordLmConfig config = TrainConfig.with(new WordLmConfig(), "--embedding", "8", "--layers", "2", "--dropout", "0.1");
        String json = Json.line(config);
        assertThat(json).contains("\"embedding\":8");
        WordLmConfig back = Json.convert(Json.parse(json), WordLmConfig.class);
        assertThat(back.embedding()).isEqualTo(8);
        assertThat(back.layers()).isEqualTo(2);
        assertThat(back.dropout()).isEqualTo(0.1);
        assertThat(back.epochs()).isEqualTo(5);
    }
}
