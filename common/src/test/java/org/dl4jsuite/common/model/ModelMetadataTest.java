package org.dl4jsuite.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.Json;
import org.junit.jupiter.api.Test;

/** A module's facts go into a model zip's metadata as a record and come back as one, or as a clear error. */
class ModelMetadataTest {
    private static final Path FILE = Path.of("model.zip");

    @Test
    void factsRoundTripThroughTheStoredJson() {
        ModelMetadata written = ModelMetadata.of("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER,
                new ImageModelFacts("fashion", List.of("T-shirt/top", "Trouser"), 1, 28, 28));
        ModelMetadata read = Json.convert(Json.parse(Json.pretty(written)), ModelMetadata.class);
        ImageModelFacts facts = read.facts(ImageModelFacts.class, FILE);
        assertThat(facts).isEqualTo(new ImageModelFacts("fashion", List.of("T-shirt/top", "Trouser"), 1, 28, 28));
    }

    @Test
    void factsWithoutTheImageSizeAreIncomplete() {
        ModelMetadata unsized = new ModelMetadata("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER,
                Map.of("dataset", "mnist", "classNames", List.of("0", "1")));
        assertThatThrownBy(() -> unsized.facts(ImageModelFacts.class, FILE)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("model.zip").hasMessageContaining("image size");
    }

    @Test
    void missingOrMistypedFactsNameTheFileAndWhatIsMissing() {
        ModelMetadata noNames = new ModelMetadata("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER,
                Map.of("dataset", "mnist"));
        assertThatThrownBy(() -> noNames.facts(ImageModelFacts.class, FILE)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("model.zip has incomplete lenet-mnist metadata (no class names)");
        ModelMetadata mistyped = new ModelMetadata("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER,
                Map.of("dataset", "mnist", "classNames", List.of("0"), "height", "tall"));
        assertThatThrownBy(() -> mistyped.facts(ImageModelFacts.class, FILE)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("model.zip has incomplete lenet-mnist metadata");
        ModelMetadata none = new ModelMetadata("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER, null);
        assertThatThrownBy(() -> none.facts(ImageModelFacts.class, FILE)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("no dataset");
    }
}
