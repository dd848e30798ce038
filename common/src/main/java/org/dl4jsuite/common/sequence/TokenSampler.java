package org.dl4jsuite.common.sequence;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the next token from a softmax distribution with temperature and optional top-k: the
 * log-probabilities are divided by the temperature (p^(1/τ), renormalised), all but the k most
 * likely tokens dropped, then one token drawn; temperature 0 is greedy (argmax). Seeded, so the
 * same seed gives the same text.
 */
public final class TokenSampler {
    private final double temperature;
    private final int topK;
    private final SplittableRandom random;

    /** {@code topK} ≤ 0 keeps every token. */
    public TokenSampler(double temperature, int topK, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be 0 (greedy) or positive, got " + temperature);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.random = new SplittableRandom(seed);
    }

    /** The index of the largest probability (the first, on ties). */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Draws one token from {@code probabilities} (a softmax output). */
    public int sample(double[] probabilities) {
        if (temperature == 0) {
            return argmax(probabilities);
        }
        int n = probabilities.length;
        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            logits[i] = Math.log(Math.max(probabilities[i], 1e-30)) / temperature;
        }
        if (topK > 0 && topK < n) {
            double[] sorted = logits.clone();
            Arrays.sort(sorted);
            double kth = sorted[n - topK];
            for (int i = 0; i < n; i++) {
                if (logits[i] < kth) {
                    logits[i] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        double max = Arrays.stream(logits).max().orElse(0);
        double sum = 0;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(logits[i] - max);
            sum += weights[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < n; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return argmax(weights);
    }
}
