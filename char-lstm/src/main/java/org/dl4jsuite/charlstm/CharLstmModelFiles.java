package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** What a saved char-lstm model records (its vocabulary and text) and how to load one back. */
public final class CharLstmModelFiles {
    private CharLstmModelFiles() {
    }

    /** A trained character model, its vocabulary and the text it was trained on (the dataset id or a path). */
    public record Loaded(MultiLayerNetwork network, CharVocabulary vocabulary, String text, int seqLength) {
    }

    /** The metadata stored with a model over {@code vocabulary} trained on {@code recordedText}. */
    public static ModelMetadata metadata(CharVocabulary vocabulary, String recordedText, int seqLength) {
        return new ModelMetadata(CharLstmCommand.MODULE, "char-lstm", ModelMetadata.MULTI_LAYER,
                Map.of("vocabulary", vocabulary.characters(), "text", recordedText, "seqLength", seqLength));
    }

    /** Loads a model written by char-lstm; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ModelMetadata metadata = ModelFile.requireModule(file, CharLstmCommand.MODULE);
        Object vocabulary = metadata.properties().get("vocabulary");
        if (vocabulary == null) {
            throw new SuiteException(file + " does not record its vocabulary; re-train it with this version");
        }
        Object seq = metadata.properties().getOrDefault("seqLength", 100);
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, CharLstmCommand.MODULE, false);
        return new Loaded(net, CharVocabulary.fromStored(vocabulary.toString()),
                String.valueOf(metadata.properties().get("text")), ((Number) seq).intValue());
    }
}
