package org.dl4jsuite.wordlm;

import org.dl4jsuite.common.train.TrainConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.dl4jsuite.common.sequence.TruncatedBpttStep;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The training step as train wires it: state carried between windows, global norm clipped to 0.5. */
class TrainingStepTest {
    private static final int VOCAB = 13;
    private static final int LSTM = 1;

    private static WordLmConfig tiny() {
        return TrainConfig.with(new WordLmConfig(), "--batch-size", "4", "--seq-length", "5", "--embedding", "8",
                "--hidden", "16", "--lr", "0.01");
    }

    private static StreamBatches batches() {
        int[] ids = new int[200];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7 + i / 3) % VOCAB;
        }
        return new StreamBatches(ids, 4, 5);
    }

    /** The LSTM state after reading {@code window}'s inputs from {@code state} (empty: zeros), without training. */
    private static Map<String, INDArray> stateAfter(MultiLayerNetwork net, StreamBatches batches, int window,
                                                    Map<String, INDArray> state) {
        MultiLayerNetwork copy = net.clone();
        copy.rnnClearPreviousState();
        if (!state.isEmpty()) {
            copy.rnnSetPreviousState(LSTM, state);
        }
        copy.rnnTimeStep(batches.window(window).getFeatures());
        return copy.rnnGetPreviousState(LSTM);
    }

    @Test
    void theStateAWindowEndsInStartsTheNextWindow() {
        StreamBatches batches = batches();
        WordLmConfig config = tiny();
        MultiLayerNetwork net = WordLmModel.build(config, VOCAB, 1);
        TruncatedBpttStep step = new TruncatedBpttStep(net, config.seqLength(), config.clipNorm(), "word");
        step.startEpoch(0, 0);

        Map<String, INDArray> fromZeros0 = stateAfter(net, batches, 0, Map.of());
        step.fit(batches.window(0));
        Map<String, INDArray> carried0 = step.carriedState().get(LSTM);
        assertThat(carried0.get("prevAct").equalsWithEps(fromZeros0.get("prevAct"), 1e-5)).isTrue();
        assertThat(carried0.get("prevAct").norm2Number().doubleValue()).isGreaterThan(0.01);

        // Window 1 must start where window 0 ended, not from zeros: the two predictions differ.
        Map<String, INDArray> continued = stateAfter(net, batches, 1, carried0);
        Map<String, INDArray> restarted = stateAfter(net, batches, 1, Map.of());
        assertThat(continued.get("prevMem").equalsWithEps(restarted.get("prevMem"), 1e-4)).isFalse();
        step.fit(batches.window(1));
        Map<String, INDArray> carried1 = step.carriedState().get(LSTM);
        assertThat(carried1.get("prevMem").equalsWithEps(continued.get("prevMem"), 1e-5)).isTrue();
        assertThat(carried1.get("prevMem").equalsWithEps(restarted.get("prevMem"), 1e-4)).isFalse();

        step.startEpoch(1, 0);
        assertThat(step.carriedState()).isEmpty();
    }

    @Test
    void theGlobalGradientNormReachingTheUpdaterIsAtMostTheClip() {
        StreamBatches batches = batches();
        WordLmConfig config = TrainConfig.with(new WordLmConfig(), "--batch-size", "4", "--seq-length", "5",
                "--embedding", "64", "--hidden", "128", "--lr", "0.01");
        MultiLayerNetwork net = WordLmModel.build(config, VOCAB, 2);
        // Weights 4× their initial scale give an unclipped norm well above 0.5, so clipping must act.
        net.params().muli(4);
        double[] seen = {Double.NaN};
        // The step tells the network's DL4J listeners of the gradient after clipping, before the updater: already
        // the per-token mean's, still summed over the minibatch.
        BaseTrainingListener probe = new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                seen[0] = model.gradient().gradient().norm2Number().doubleValue() / model.batchSize();
            }
        };
        net.addListeners(probe);
        TruncatedBpttStep step = new TruncatedBpttStep(net, config.seqLength(), config.clipNorm(), "word");
        step.fit(batches.window(0));
        assertThat(step.lastGradientNorm()).as("the unclipped norm " + step.lastGradientNorm()).isGreaterThan(0.5);
        assertThat(seen[0]).isLessThanOrEqualTo(0.5 + 1e-5).isGreaterThan(0.49);
        assertThat(((RecurrentLayer) net.getLayer(LSTM)).rnnGetTBPTTState()).isNotNull();
    }
}
