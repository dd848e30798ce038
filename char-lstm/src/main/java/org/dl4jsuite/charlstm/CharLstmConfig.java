package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import org.dl4jsuite.common.cli.OptionChecks;
import org.dl4jsuite.common.sequence.RecurrentConfig;
import picocli.CommandLine.Option;

/**
 * char-lstm's training options, declared once (the recurrent ones in {@link RecurrentConfig}); the defaults are
 * the ones whose measured validation loss the module's README gives.
 */
public final class CharLstmConfig extends RecurrentConfig {
    /** A UTF-8 text as an absolute path, or null for Tiny Shakespeare through the dataset resolver. */
    String text;

    @Option(names = "--dropout", description = "Fraction of the inputs of every LSTM layer after the first dropped in "
            + "training (0: none).")
    double dropout = 0.0;

    @Option(names = "--eval-every", paramLabel = "STEPS", description = "Validation loss and samples every STEPS steps.")
    int evalEvery = 100;

    @Option(names = "--sample-length", description = "Characters generated at each evaluation (0: none).")
    int sampleLength = 200;

    @Option(names = "--temperature", description = "Sampling temperature of the generated samples (0: greedy).")
    double temperature = 0.8;

    /** The defaults. */
    public CharLstmConfig() {
        super(6, 20);
        batchSize = 64;     // parallel text streams
        seqLength = 100;    // characters per window
        embedding = 32;
        hidden = 256;
        layers = 2;
        learningRate = 3e-3;
        clipNorm = 5.0;
    }

    @Option(names = "--text", paramLabel = "FILE", description = "A UTF-8 text to train on instead of Tiny Shakespeare.")
    void text(Path file) {
        text = file.toAbsolutePath().toString();
    }

    public String text() {
        return text;
    }

    public double dropout() {
        return dropout;
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
    protected void checkModule() {
        OptionChecks.positive("--eval-every", evalEvery);
        OptionChecks.notNegative("--sample-length", sampleLength, "none");
        OptionChecks.fraction("--dropout", dropout);
        OptionChecks.notNegative("--temperature", temperature, "greedy");
    }
}
