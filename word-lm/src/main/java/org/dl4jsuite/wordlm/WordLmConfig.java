package org.dl4jsuite.wordlm;

import org.dl4jsuite.common.SuiteException;

/**
 * The word-lm configuration; {@link #defaults()} is the reference notebook's: batch 20 streams,
 * windows of 30 words, embedding 128, one LSTM of 1024, Adam 0.002, global norm clipped to 0.5,
 * no dropout. {@code layers}, {@code hidden}, {@code embed} and {@code dropout} make a stronger
 * model; {@code corpus} is a folder of ptb.{train,valid,test}.txt-named files (null: the
 * Penn Treebank through the dataset resolver); {@code dropout} is the probability of dropping an LSTM's and the output layer's inputs.
 */
public record WordLmConfig(String corpus, int batchSize, int seqLength, int embed, int hidden, int layers, double dropout,
                           double learningRate, double clipNorm, int logEvery, int memoryEvery) {

    /** The notebook's epochs (a shared CLI option, so not part of the record). */
    public static final int EPOCHS = 5;

    /** The reference notebook's configuration. */
    public static WordLmConfig defaults() {
        return new WordLmConfig(null, 20, 30, 128, 1024, 1, 0.0, 0.002, 0.5, 100, 100);
    }

    public WordLmConfig {
        positive("--batch-size", batchSize);
        positive("--seq-length", seqLength);
        positive("--embed", embed);
        positive("--hidden", hidden);
        positive("--layers", layers);
        positive("--log-every", logEvery);
        positive("--memory-every", memoryEvery);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SuiteException("--dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SuiteException("--lr must be a positive number, got " + learningRate);
        }
        if (!(clipNorm > 0) || !Double.isFinite(clipNorm)) {
            throw new SuiteException("--clip must be a positive number, got " + clipNorm);
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new SuiteException(option + " must be positive, got " + value);
        }
    }
}
