package org.dl4jsuite.wordlm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code distance}: Euclidean distance and cosine similarity between two words' embedding rows. */
@Command(name = "distance", mixinStandardHelpOptions = true,
        description = "Euclidean distance and cosine similarity of two words' input embeddings in a saved model.")
public final class DistanceCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Parameters(index = "0", paramLabel = "WORD1")
    String first;

    @Parameters(index = "1", paramLabel = "WORD2")
    String second;

    @Override
    public Integer call() {
        ComputeBackend.initialise(0);
        WordLmModelFiles.Loaded loaded = WordLmModelFiles.load(model.path());
        WordEmbeddings embeddings = new WordEmbeddings(loaded.network(), loaded.dictionary());
        System.out.printf("%s – %s: Euclidean distance %.4f, cosine similarity %.4f%n", first, second,
                embeddings.distance(first, second), embeddings.cosine(first, second));
        return 0;
    }
}
