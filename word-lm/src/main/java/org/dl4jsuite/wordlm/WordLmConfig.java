package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.sequence.RecurrentConfig;
import picocli.CommandLine.Option;

/**
 * word-lm's training options, declared once (the recurrent ones in {@link RecurrentConfig}); the defaults are the
 * reference notebook's. {@code --layers}, {@code --hidden}, {@code --embedding} and {@code --dropout} make a
 * stronger model.
 */
public final class WordLmConfig extends RecurrentConfig {
    /** A folder of ptb.{train,valid,test}.txt-named files as an absolute path, or null for the Penn Treebank. */
    String corpus;

    @Option(names = "--dropout", description = "Probability of dropping each LSTM's and the softmax layer's inputs (0: none).")
    double dropout = 0.0;

    @Option(names = "--memory-every", paramLabel = "STEPS",
            description = "Record off-heap, physical and RSS memory every STEPS steps (and at the start).")
    int memoryEvery = 100;

    /** The notebook's configuration. */
    public WordLmConfig() {
        super(5, 100);
        batchSize = 20;     // parallel streams
        seqLength = 30;     // words per window
        embedding = 128;
        hidden = 1024;
        layers = 1;
        learningRate = 0.002;
        clipNorm = 0.5;
    }

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A folder with ptb.train.txt, ptb.valid.txt, ptb.test.txt to use instead of the Penn Treebank.")
    void corpus(Path dir) {
        corpus = dir.toAbsolutePath().toString();
    }

    public String corpus() {
        return corpus;
    }

    public double dropout() {
        return dropout;
    }

    public int memoryEvery() {
        return memoryEvery;
    }

    @Override
    protected void checkModule() {
        OptionChecks.positive("--memory-every", memoryEvery);
        OptionChecks.fraction("--dropout", dropout);
    }
}
