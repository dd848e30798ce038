package org.dl4jsuite.charlstm;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.nio.file.Path;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * char-lstm's training options, declared once: {@code batchSize} parallel text streams walked in windows of
 * {@code seqLength} characters, an embedding into {@code layers} stacked LSTMs of {@code hidden} units, Adam,
 * the global gradient norm clipped. The defaults (64 × 100, embedding 32, 2 × LSTM 256, Adam 3e-3, clipping at 5,
 * 6 epochs) are the ones whose measured validation loss the module's README gives.
 */
public final class CharLstmConfig extends TrainConfig {
    /** A UTF-8 text as an absolute path, or null for Tiny Shakespeare through the dataset resolver. */
    String text;

    @Option(names = "--batch-size", description = "Parallel text streams per step.")
    int batchSize = 64;

    @Option(names = "--seq-length", description = "Characters per window (truncated BPTT length).")
    int seqLength = 100;

    @Option(names = {"--embedding", "--embed"}, description = "Character embedding size.")
    @JsonAlias("embed")
    int embedding = 32;

    @Option(names = "--hidden", description = "LSTM units per layer.")
    int hidden = 256;

    @Option(names = "--layers", description = "Stacked LSTM layers.")
    int layers = 2;

    @Option(names = "--dropout", description = "Fraction of the inputs of every LSTM layer after the first dropped in "
            + "training (0: none).")
    double dropout = 0.0;

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = 3e-3;

    @Option(names = "--clip", description = "Maximum global gradient norm (of the per-character mean loss).")
    double clipNorm = 5.0;

    @Option(names = "--eval-every", paramLabel = "STEPS", description = "Validation loss and samples every STEPS steps.")
    int evalEvery = 100;

    @Option(names = "--sample-length", description = "Characters generated at each evaluation (0: none).")
    int sampleLength = 200;

    @Option(names = "--temperature", description = "Sampling temperature of the generated samples (0: greedy).")
    double temperature = 0.8;

    /** The defaults. */
    public CharLstmConfig() {
        super(6, 20);
    }

    @Option(names = "--text", paramLabel = "FILE", description = "A UTF-8 text to train on instead of Tiny Shakespeare.")
    void text(Path file) {
        text = file.toAbsolutePath().toString();
    }

    public String text() {
        return text;
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

    public int evalEvery() {
        return evalEvery;
    }

    public int sampleLength() {
        return sampleLength;
    }

    public double temperature() {
        return temperature;
    }

    @Override
    protected void check() {
        OptionChecks.positive("--batch-size", batchSize);
        OptionChecks.positive("--seq-length", seqLength);
        OptionChecks.positive("--embedding", embedding);
        OptionChecks.positive("--hidden", hidden);
        OptionChecks.positive("--layers", layers);
        OptionChecks.positive("--eval-every", evalEvery);
        OptionChecks.notNegative("--sample-length", sampleLength, "none");
        OptionChecks.positive("--lr", learningRate);
        OptionChecks.positive("--clip", clipNorm);
        OptionChecks.fraction("--dropout", dropout);
        OptionChecks.notNegative("--temperature", temperature, "greedy");
    }
}
