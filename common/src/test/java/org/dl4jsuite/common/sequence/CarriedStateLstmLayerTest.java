package org.dl4jsuite.common.sequence;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The truncated-BPTT gradient with a carried state, judged by central finite differences of the
 * network's own score (double precision): CarriedStateLstmLayer gets it right, DL4J M2.1's LSTM does not.
 */
class CarriedStateLstmLayerTest {
    private static final int VOCAB = 5;
    private static final int SEQ = 4;
    private static final int BATCH = 3;
    private static final int[] LSTMS = {1, 2};

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static MultiLayerNetwork network() {
        return TinyLstm.network(VOCAB, SEQ, new Sgd(0.1), 11, DataType.DOUBLE);
    }

    private static INDArray tokens(long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextDouble(new long[] {BATCH, 1, SEQ})
                .muli(VOCAB).castTo(DataType.INT32).castTo(DataType.DOUBLE);
    }

    /** A carried state for each LSTM: what the layer ends in after reading a previous window. */
    private static Map<Integer, Map<String, INDArray>> carriedState(MultiLayerNetwork net) {
        MultiLayerNetwork copy = net.clone();
        copy.rnnClearPreviousState();
        copy.rnnTimeStep(tokens(99));
        Map<Integer, Map<String, INDArray>> state = new HashMap<>();
        for (int i : LSTMS) {
            Map<String, INDArray> layerState = new HashMap<>();
            copy.rnnGetPreviousState(i).forEach((k, v) -> layerState.put(k, v.dup()));
            state.put(i, layerState);
        }
        return state;
    }

    /** The score and gradient of one truncated-BPTT window started from {@code state}. */
    private static double scoreFrom(MultiLayerNetwork net, Map<Integer, Map<String, INDArray>> state) {
        net.setInput(tokens(1));
        net.setLabels(tokens(2));
        for (int i : LSTMS) {
            ((RecurrentLayer) net.getLayer(i)).rnnSetTBPTTState(state.get(i));
            ((RecurrentLayer) net.getLayer(i)).rnnSetPreviousState(state.get(i));
        }
        net.computeGradientAndScore();
        return net.score();
    }

    /** The largest relative error between the analytic gradient (per example) and central differences. */
    private static double worstRelativeError(MultiLayerNetwork net) {
        Map<Integer, Map<String, INDArray>> state = carriedState(net);
        scoreFrom(net, state);
        INDArray analytic = net.gradient().gradient().dup().divi(BATCH);
        INDArray params = net.params();
        double eps = 1e-5;
        double worst = 0;
        // Every 23rd parameter: 96 of the 2,207, each layer's W, RW and b among them.
        for (long j = 0; j < params.length(); j += 23) {
            double original = params.getDouble(j);
            params.putScalar(j, original + eps);
            double plus = scoreFrom(net, state);
            params.putScalar(j, original - eps);
            double minus = scoreFrom(net, state);
            params.putScalar(j, original);
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic.getDouble(j);
            double scale = Math.abs(a) + Math.abs(numeric);
            // Below 1e-5 the differences are rounding noise (score ~ 10, eps 1e-5).
            if (scale > 1e-5) {
                worst = Math.max(worst, Math.abs(a - numeric) / scale);
            }
        }
        return worst;
    }

    @Test
    void theGradientFromACarriedStateMatchesFiniteDifferences() {
        assertThat(worstRelativeError(installed())).isLessThan(1e-5);
    }

    private static MultiLayerNetwork installed() {
        MultiLayerNetwork net = network();
        CarriedStateLstmLayer.installIn(net);
        return net;
    }

    @Test
    void dl4jsOwnLstmBackpropagatesFromZerosInstead() {
        // The reason the layer exists: if this starts to pass with M2.1's LSTM, DL4J has fixed its TBPTT.
        assertThat(worstRelativeError(network())).isGreaterThan(1e-2);
    }

    @Test
    void withoutAStoredStateItIsDl4jsLstm() {
        MultiLayerNetwork plain = network();
        MultiLayerNetwork installed = network();
        CarriedStateLstmLayer.installIn(installed);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {plain, installed}) {
            net.getLayerWiseConfigurations().setBackpropType(BackpropType.Standard);
            net.setInput(tokens(1));
            net.setLabels(tokens(2));
            net.computeGradientAndScore();
        }
        assertThat(installed.gradient().gradient().equalsWithEps(plain.gradient().gradient(), 1e-12)).isTrue();
        assertThat(installed.score()).isEqualTo(plain.score());
    }

    @Test
    void theSwappedLayersShareTheNetworksParameters() {
        MultiLayerNetwork net = network();
        INDArray before = net.getLayer(1).getParam("W");
        CarriedStateLstmLayer.installIn(net);
        CarriedStateLstmLayer.installIn(net);
        assertThat(net.getLayer(1)).isInstanceOf(CarriedStateLstmLayer.class);
        net.params().addi(1.0);
        assertThat(net.getLayer(1).getParam("W").equalsWithEps(before, 1e-12)).isTrue();
        assertThat(net.getLayer(1).params().getDouble(0)).isEqualTo(net.params().getDouble(net.getLayer(0).numParams()));
    }

    @Test
    void otherRecurrentLayersAreRefused() {
        MultiLayerNetwork rnn = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new SimpleRnn.Builder().nIn(3).nOut(4).dataFormat(RNNFormat.NCW).build())
                .layer(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(4).nOut(3).activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW).build())
                .build());
        rnn.init();
        assertThatThrownBy(() -> CarriedStateLstmLayer.installIn(rnn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SimpleRnn").hasMessageContaining("only LSTM");
    }
}
