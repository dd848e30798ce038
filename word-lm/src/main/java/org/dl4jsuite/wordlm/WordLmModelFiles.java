package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** What a saved word-lm model records (its dictionary) and how to load one back. */
public final class WordLmModelFiles {
    private WordLmModelFiles() {
    }

    /** A trained word model and its dictionary. */
    public record Loaded(MultiLayerNetwork network, WordDictionary dictionary) {
    }

    /** The metadata stored with a model over {@code dictionary}. */
    public static ModelMetadata metadata(WordDictionary dictionary, String source) {
        return new ModelMetadata(WordLmCommand.MODULE, "word-lm", ModelMetadata.MULTI_LAYER,
                Map.of("dictionary", dictionary.words(), "corpus", source));
    }

    /** Loads a model written by word-lm; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ModelMetadata metadata = ModelFile.requireModule(file, WordLmCommand.MODULE);
        if (!(metadata.properties().get("dictionary") instanceof List<?> words)) {
            throw new SuiteException(file + " does not record its dictionary; re-train it with this version");
        }
        WordDictionary dictionary = WordDictionary.of(words.stream().map(String::valueOf).toList());
        return new Loaded(ModelFile.loadMultiLayer(file, WordLmCommand.MODULE, false), dictionary);
    }
}
