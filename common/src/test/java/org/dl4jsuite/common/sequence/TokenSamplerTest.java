package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenSamplerTest {
    private static final double[] P = {0.1, 0.05, 0.5, 0.3, 0.05};

    private static int[] draws(TokenSampler sampler, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.sample(P);
        }
        return out;
    }

    @Test
    void theSameSeedDrawsTheSameTokensAndAnotherSeedDoesNot() {
        assertThat(draws(new TokenSampler(1.0, 0, 5), 200)).isEqualTo(draws(new TokenSampler(1.0, 0, 5), 200));
        assertThat(draws(new TokenSampler(1.0, 0, 5), 200)).isNotEqualTo(draws(new TokenSampler(1.0, 0, 6), 200));
    }

    @Test
    void temperatureZeroAndTopOneAreTheArgmax() {
        assertThat(draws(new TokenSampler(0, 0, 1), 50)).containsOnly(2);
        assertThat(draws(new TokenSampler(2.0, 1, 1), 50)).containsOnly(2);
        assertThat(TokenSampler.argmax(P)).isEqualTo(2);
    }

    @Test
    void temperatureOneFollowsTheDistributionAndTopKCutsTheTail() {
        int n = 40_000;
        int[] counts = new int[P.length];
        for (int token : draws(new TokenSampler(1.0, 0, 3), n)) {
            counts[token]++;
        }
        for (int i = 0; i < P.length; i++) {
            assertThat(counts[i] / (double) n).isCloseTo(P[i], org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(draws(new TokenSampler(1.0, 2, 3), 2000)).containsOnly(2, 3);
    }

    @Test
    void lowTemperatureSharpensTheDistribution() {
        long greedyShare = java.util.Arrays.stream(draws(new TokenSampler(0.3, 0, 9), 5000)).filter(t -> t == 2).count();
        assertThat(greedyShare / 5000.0).isGreaterThan(0.8);
    }

    @Test
    void aNegativeTemperatureIsRejected() {
        assertThatThrownBy(() -> new TokenSampler(-0.5, 0, 1)).hasMessageContaining("temperature");
    }
}
