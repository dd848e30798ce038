package org.dl4jsuite.common.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

/** The truncated-BPTT step: the carried state, its reset at epoch starts, its checkpoint. */
class TruncatedBpttStepTest {
    private static final int VOCAB = 5;
    private static final int SEQ = 4;

    @TempDir
    Path tmp;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static int[] randomTokens(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(VOCAB);
        }
        return out;
    }

    /** Mean −ln p of window k's targets when the model reads each stream from its start (inference, state kept). */
    private static double streamedLossOfWindow(MultiLayerNetwork net, StreamBatches batches, int k) {
        net.rnnClearPreviousState();
        INDArray out = null;
        for (int j = 0; j <= k; j++) {
            out = net.rnnTimeStep(StreamBatches.ids(batches.inputs(j)));
        }
        net.rnnClearPreviousState();
        return StreamLoss.negativeLogLikelihood(out, batches.targets(k)) / (batches.streams() * SEQ);
    }

    /** A step over windows of SEQ for {@code net}, its LSTM layers made carried-state ones. */
    private static TruncatedBpttStep stepFor(MultiLayerNetwork net) {
        CarriedStateLstmLayer.installIn(net);
        return new TruncatedBpttStep(net, SEQ, 1.0, "tok");
    }

    @Test
    void aNetworkWithDl4jsOwnLstmIsRefused() {
        MultiLayerNetwork net = TinyLstm.network(VOCAB, SEQ, new Sgd(0.0), 11);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TruncatedBpttStep(net, SEQ, 1.0, "tok"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carried state");
    }

    @Test
    void theStateAWindowEndsInStartsTheNextWindow() {
        // Learning rate 0: the weights never change, so the training loss of window 2 must equal the loss of
        // window 2 when the streams are read from their start; with the state reset it would not.
        MultiLayerNetwork net = TinyLstm.network(VOCAB, SEQ, new Sgd(0.0), 11);
        StreamBatches batches = new StreamBatches(randomTokens(3 * 40, 1), 3, SEQ);
        double carried = streamedLossOfWindow(net, batches, 2);
        double fresh = streamedLossOfWindow(net, new StreamBatches(flattenWindow(batches, 2), 3, SEQ - 1), 0);

        TruncatedBpttStep step = stepFor(net);
        step.startEpoch(0, 0);
        assertThat(step.fit(batches.window(0))).isCloseTo(streamedLossOfWindow(net, batches, 0), offset(1e-4));
        step.fit(batches.window(1));
        assertThat(step.carriedState()).hasSize(2);
        double trained = step.fit(batches.window(2));
        assertThat(trained).isCloseTo(carried, offset(1e-4));

        step.reset();
        double reset = step.fit(batches.window(2));
        assertThat(Math.abs(reset - carried)).isGreaterThan(1e-3);
        assertThat(fresh).isPositive();
    }

    /** The streams of window k alone (inputs then its last target), to read it from a zero state. */
    private static int[] flattenWindow(StreamBatches batches, int k) {
        int[][] in = batches.inputs(k);
        int[][] target = batches.targets(k);
        int[] out = new int[in.length * SEQ];
        for (int b = 0; b < in.length; b++) {
            System.arraycopy(in[b], 0, out, b * SEQ, SEQ);
            out[b * SEQ + SEQ - 1] = target[b][SEQ - 1];
        }
        return out;
    }

    @Test
    void anEpochStartResetsTheStateAndAResumedEpochKeepsTheRestoredOne() {
        MultiLayerNetwork net = TinyLstm.network(VOCAB, SEQ, new Adam(1e-2), 11);
        StreamBatches batches = new StreamBatches(randomTokens(2 * 30, 2), 2, SEQ);
        TruncatedBpttStep step = stepFor(net);
        step.fit(batches.window(0));
        step.fit(batches.window(1));
        step.save(tmp);
        INDArray saved = step.carriedState().get(1).get("prevAct").dup();

        TruncatedBpttStep resumed = stepFor(net);
        resumed.restore(tmp);
        resumed.startEpoch(0, 2);
        assertThat(resumed.carriedState().get(1).get("prevAct")).isEqualTo(saved);
        resumed.startEpoch(1, 0);
        assertThat(resumed.carriedState()).isEmpty();
    }
}
