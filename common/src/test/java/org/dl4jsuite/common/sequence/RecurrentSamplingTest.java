package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

class RecurrentSamplingTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private final MultiLayerNetwork net = TinyLstm.network(7, 5, new Sgd(0.0), 21);

    @Test
    void greedyGenerationFeedsEachTokenBackAsTheNextInput() {
        int[] prime = {1, 2, 3};
        List<Integer> streamed = new ArrayList<>();
        int[] generated = RecurrentSampling.generate(net, prime, 12, new TokenSampler(0, 0, 1), streamed::add);
        assertThat(streamed).containsExactly(java.util.Arrays.stream(generated).boxed().toArray(Integer[]::new));
        // teacher-forcing the prime plus the generated text must predict the generated text again
        int[] all = new int[prime.length + generated.length - 1];
        System.arraycopy(prime, 0, all, 0, prime.length);
        System.arraycopy(generated, 0, all, prime.length, generated.length - 1);
        int[] predicted = RecurrentSampling.predictNext(net, all);
        for (int i = 0; i < generated.length; i++) {
            assertThat(predicted[prime.length - 1 + i]).isEqualTo(generated[i]);
        }
    }

    @Test
    void sampledTextIsReproducibleWithASeed() {
        int[] a = RecurrentSampling.generate(net, new int[] {0}, 40, new TokenSampler(1.0, 0, 99), t -> { });
        int[] b = RecurrentSampling.generate(net, new int[] {0}, 40, new TokenSampler(1.0, 0, 99), t -> { });
        int[] c = RecurrentSampling.generate(net, new int[] {0}, 40, new TokenSampler(1.0, 0, 100), t -> { });
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void streamLossEqualsTheLossOfReadingTheWholeSequenceAtOnce() {
        int[] tokens = {1, 4, 2, 6, 0, 3, 3, 5, 1, 2, 0, 4, 6, 2, 1};
        double windowed = StreamLoss.meanNats(net, tokens, 1, 4);
        net.rnnClearPreviousState();
        int[] in = java.util.Arrays.copyOfRange(tokens, 0, tokens.length - 1);
        int[] target = java.util.Arrays.copyOfRange(tokens, 1, tokens.length);
        INDArray out = net.rnnTimeStep(StreamBatches.ids(new int[][] {in}));
        net.rnnClearPreviousState();
        double whole = StreamLoss.negativeLogLikelihood(out, new int[][] {target}) / target.length;
        assertThat(windowed).isCloseTo(whole, offset(1e-5));
    }
}
