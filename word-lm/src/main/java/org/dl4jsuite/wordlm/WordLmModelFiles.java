package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;

/** What a saved word-lm model records ({@link WordModelFacts}) and how to load one back. */
public final class WordLmModelFiles {
    private WordLmModelFiles() {
    }

    /** A trained word model and its dictionary. */
    public record Loaded(MultiLayerNetwork network, WordDictionary dictionary) {
    }

    /** The metadata stored with a model over {@code dictionary}. */
    public static ModelMetadata metadata(WordDictionary dictionary, String source) {
        return ModelMetadata.of(WordLmCommand.MODULE, "word-lm", ModelMetadata.MULTI_LAYER,
                new WordModelFacts(dictionary.words(), source));
    }

    /** Loads a model written by word-lm; anything else gets a clear error. */
    public static Loaded load(Path file) {
        WordModelFacts facts = ModelFile.requireModule(file, WordLmCommand.MODULE).facts(WordModelFacts.class, file);
        return new Loaded(ModelFile.loadMultiLayer(file, WordLmCommand.MODULE, false), WordDictionary.of(facts.dictionary()));
    }
}
