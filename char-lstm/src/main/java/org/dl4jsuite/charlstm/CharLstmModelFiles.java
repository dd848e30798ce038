package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;

/** What a saved char-lstm model records ({@link CharModelFacts}) and how to load one back. */
public final class CharLstmModelFiles {
    private CharLstmModelFiles() {
    }

    /** A trained character model, its vocabulary and the text it was trained on (the dataset id or a path). */
    public record Loaded(MultiLayerNetwork network, CharVocabulary vocabulary, String text, int seqLength) {
    }

    /** The metadata stored with a model over {@code vocabulary} trained on {@code recordedText}. */
    public static ModelMetadata metadata(CharVocabulary vocabulary, String recordedText, int seqLength) {
        return ModelMetadata.of(CharLstmCommand.MODULE, "char-lstm", ModelMetadata.MULTI_LAYER,
                new CharModelFacts(vocabulary.characters(), recordedText, seqLength));
    }

    /** Loads a model written by char-lstm; anything else gets a clear error. */
    public static Loaded load(Path file) {
        CharModelFacts facts = ModelFile.requireModule(file, CharLstmCommand.MODULE).facts(CharModelFacts.class, file);
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, CharLstmCommand.MODULE, false);
        return new Loaded(net, CharVocabulary.fromStored(facts.vocabulary()), String.valueOf(facts.text()),
                facts.seqLength());
    }
}
