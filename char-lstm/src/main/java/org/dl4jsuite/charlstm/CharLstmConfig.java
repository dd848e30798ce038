package org.dl4jsuite.charlstm;

import org.dl4jsuite.common.SuiteException;

/**
 * The char-lstm configuration: {@code batchSize} parallel text streams walked in windows of
 * {@code seqLength} characters, an embedding into {@code layers} stacked LSTMs of {@code hidden}
 * units, Adam at {@code learningRate}, the global gradient norm clipped to {@code clipNorm}; {@code dropout}
 * is the fraction of each deeper LSTM layer's inputs dropped in training (0: none, the reference's).
 */
public record CharLstmConfig(String text, int batchSize, int seqLength, int embedding, int hidden, int layers,
                             double learningRate, double clipNorm, int logEvery, int evalEvery, int sampleLength,
                             double temperature, double dropout) {

    /**
     * The defaults: 64 streams of windows of 100, embedding 32, 2 × LSTM 256, Adam 3e-3, clipping at 5.
     * Six epochs reach validation loss 1.598 nats/char in 17 minutes of training on a 2-core CPU (README);
     * 32 streams (twice as long each) learned as well per step but became unstable after ~1,080 steps,
     * before DL4J's truncated-BPTT gradient was fixed to start from the carried state (CarriedStateLstmLayer).
     */
    public static CharLstmConfig defaults() {
        return new CharLstmConfig(null, 64, 100, 32, 256, 2, 3e-3, 5.0, 20, 100, 200, 0.8, 0.0);
    }

    /** Default number of epochs (a shared CLI option, so not part of the record). */
    public static final int EPOCHS = 6;

    public CharLstmConfig {
        positive("--batch-size", batchSize);
        positive("--seq-length", seqLength);
        positive("--embedding", embedding);
        positive("--hidden", hidden);
        positive("--layers", layers);
        positive("--log-every", logEvery);
        positive("--eval-every", evalEvery);
        if (sampleLength < 0) {
            throw new SuiteException("--sample-length must be 0 or positive, got " + sampleLength);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new SuiteException("--lr must be a positive number, got " + learningRate);
        }
        if (!(clipNorm > 0) || !Double.isFinite(clipNorm)) {
            throw new SuiteException("--clip must be a positive number, got " + clipNorm);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new SuiteException("--dropout must be at least 0 and below 1 (the fraction dropped), got " + dropout);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new SuiteException("--temperature must be 0 (greedy) or positive, got " + temperature);
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new SuiteException(option + " must be positive, got " + value);
        }
    }
}
