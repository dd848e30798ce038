package org.dl4jsuite.wordlm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.report.TextTable;
import org.dl4jsuite.common.runtime.ComputeBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neighbours}: the words whose embeddings are closest by cosine to a word's. */
@Command(name = "neighbours", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Nearest words by cosine similarity of input embeddings in a saved model.")
public final class NeighboursCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "-k", description = "How many neighbours.")
    int k = 10;

    @Parameters(index = "0", paramLabel = "WORD")
    String word;

    @Override
    public Integer call() {
        if (k <= 0) {
            throw new SuiteException("-k must be positive, got " + k);
        }
        ComputeBackend.initialise(0);
        WordLmModelFiles.Loaded loaded = WordLmModelFiles.load(model.path());
        TextTable table = new TextTable("rank", "word", "cosine");
        int rank = 1;
        for (WordEmbeddings.Neighbour n : new WordEmbeddings(loaded.network(), loaded.dictionary()).neighbours(word, k)) {
            table.row(rank++, n.word(), n.cosine());
        }
        System.out.println("nearest to '" + word + "':");
        System.out.print(table);
        return 0;
    }
}
