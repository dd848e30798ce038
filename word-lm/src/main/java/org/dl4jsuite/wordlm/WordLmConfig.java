package org.dl4jsuite.wordlm;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.nio.file.Path;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * word-lm's training options, declared once; the defaults are the reference notebook's: 20 streams, windows of
 * 30 words, embedding 128, one LSTM of 1024, Adam 0.002, global norm clipped to 0.5, no dropout, 5 epochs.
 * {@code --layers}, {@code --hidden}, {@code --embedding} and {@code --dropout} make a stronger model.
 */
public final class WordLmConfig extends TrainConfig {
    /** A folder of ptb.{train,valid,test}.txt-named files as an absolute path, or null for the Penn Treebank. */
    String corpus;

    @Option(names = "--batch-size", description = "Parallel streams per step.")
    int batchSize = 20;

    @Option(names = "--seq-length", description = "Words per window (truncated BPTT length).")
    int seqLength = 30;

    @Option(names = {"--embedding", "--embed"}, description = "Word embedding size (--embed: the old spelling).")
    @JsonAlias("embed")
    int embedding = 128;

    @Option(names = "--hidden", description = "LSTM units per layer.")
    int hidden = 1024;

    @Option(names = "--layers", description = "Stacked LSTM layers.")
    int layers = 1;

    @Option(names = "--dropout", description = "Probability of dropping each LSTM's and the softmax layer's inputs (0: none).")
    double dropout = 0.0;

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = 0.002;

    @Option(names = "--clip", description = "Maximum global gradient norm (of the per-word mean loss).")
    double clipNorm = 0.5;

    @Option(names = "--memory-every", paramLabel = "STEPS",
            description = "Record off-heap, physical and RSS memory every STEPS steps (and at the start).")
    int memoryEvery = 100;

    /** The notebook's configuration. */
    public WordLmConfig() {
        super(5, 100);
    }

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "A folder with ptb.train.txt, ptb.valid.txt, ptb.test.txt to use instead of the Penn Treebank.")
    void corpus(Path dir) {
        corpus = dir.toAbsolutePath().toString();
    }

    public String corpus() {
        return corpus;
    }

    public int batchSize() {
        return batchSize;
    }

    public int seqLength() {
        return seqLength;
    }

    public int embedding() {
        return embedding;
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return layers;
    }

    public double dropout() {
        return dropout;
    }

    public double learningRate() {
        return learningRate;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public int memoryEvery() {
        return memoryEvery;
    }

    @Override
    protected void check() {
        OptionChecks.positive("--batch-size", batchSize);
        OptionChecks.positive("--seq-length", seqLength);
        OptionChecks.positive("--embedding", embedding);
        OptionChecks.positive("--hidden", hidden);
        OptionChecks.positive("--layers", layers);
        OptionChecks.positive("--memory-every", memoryEvery);
        OptionChecks.fraction("--dropout", dropout);
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.positive("--clip", clipNorm);
    }
}
