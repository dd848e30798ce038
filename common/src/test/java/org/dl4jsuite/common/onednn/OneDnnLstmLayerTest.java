package org.dl4jsuite.common.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsuite.common.optim.TorchAdam;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sequence.CarriedStateLstmLayer;
import org.dl4jsuite.common.sequence.TruncatedBpttStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The oneDNN LSTM against DL4J's own LSTM (with the carried-state fix, whose gradient is proven by finite
 * differences in CarriedStateLstmLayerTest) from the same weights and carried state: outputs, last states,
 * every parameter gradient and the input gradient; JSON and model-zip round trips; training steps.
 */
class OneDnnLstmLayerTest {
    private static final int VOCAB = 11;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    /** Embedding → 2 LSTMs (oneDNN's or DL4J's) → softmax, truncated BPTT of {@code seq}. */
    private static MultiLayerNetwork network(int embed, int hidden, int seq, boolean oneDnn, DataType type,
                                             RNNFormat format) {
        Function<LSTM, Layer> lstm = oneDnn ? OneDnnLstm::of : l -> l;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Sgd(0.5))
                .dataType(type)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(VOCAB).nOut(embed).outputDataFormat(format).build())
                .layer(lstm.apply(new LSTM.Builder().nIn(embed).nOut(hidden).activation(Activation.TANH)
                        .dataFormat(format).build()))
                .layer(lstm.apply(new LSTM.Builder().nIn(hidden).nOut(hidden).activation(Activation.TANH)
                        .dataFormat(format).build()))
                .layer(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(hidden).nOut(VOCAB)
                        .activation(Activation.SOFTMAX).dataFormat(format).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(seq).tBPTTBackwardLength(seq)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray tokens(long seed, int batch, int seq, RNNFormat format) {
        long[] shape = format == RNNFormat.NCW ? new long[] {batch, 1, seq} : new long[] {batch, seq, 1};
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextDouble(shape).muli(VOCAB)
                .castTo(DataType.INT32).castTo(DataType.FLOAT);
    }

    /** A random carried state for LSTM layers 1 and 2, of magnitude typical after a window. */
    private static Map<Integer, Map<String, INDArray>> state(int batch, int hidden) {
        Map<Integer, Map<String, INDArray>> state = new HashMap<>();
        for (int layer = 1; layer <= 2; layer++) {
            Map<String, INDArray> s = new HashMap<>();
            s.put("prevAct", Nd4j.rand(DataType.FLOAT, batch, hidden).subi(0.5).muli(1.2));
            s.put("prevMem", Nd4j.rand(DataType.FLOAT, batch, hidden).subi(0.5).muli(3));
            state.put(layer, s);
        }
        return state;
    }

    /** One truncated-BPTT window's score and gradient from {@code state}, as computeGradientAndScore gives them. */
    private static void window(MultiLayerNetwork net, INDArray in, INDArray labels,
                               Map<Integer, Map<String, INDArray>> state) {
        net.setInput(in);
        net.setLabels(labels);
        for (int layer = 1; layer <= 2; layer++) {
            Map<String, INDArray> s = new HashMap<>();
            state.get(layer).forEach((k, v) -> s.put(k, v.castTo(net.params().dataType())));
            ((RecurrentLayer) net.getLayer(layer)).rnnSetTBPTTState(s);
        }
        net.computeGradientAndScore();
    }

    private static double relativeError(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        return x.sub(y).norm2Number().doubleValue() / Math.max(1e-30, y.norm2Number().doubleValue());
    }

    private static void assertSameGradients(int embed, int hidden, int seq, int batch, RNNFormat format) {
        MultiLayerNetwork fast = network(embed, hidden, seq, true, DataType.FLOAT, format);
        MultiLayerNetwork exact = network(embed, hidden, seq, false, DataType.DOUBLE, format);
        CarriedStateLstmLayer.installIn(exact);
        exact.setParams(fast.params().castTo(DataType.DOUBLE));
        assertThat(fast.getLayer(1)).isInstanceOf(OneDnnLstmLayer.class);
        INDArray in = tokens(1, batch, seq, RNNFormat.NCW); // the embedding always reads [N, 1, T]
        INDArray labels = tokens(2, batch, seq, format);
        Map<Integer, Map<String, INDArray>> state = state(batch, hidden);
        window(fast, in, labels, state);
        window(exact, in.castTo(DataType.DOUBLE), labels.castTo(DataType.DOUBLE), state);
        assertThat(((OneDnnLstmLayer) fast.getLayer(1)).usesOneDnn()).isTrue();

        assertThat(fast.score()).isCloseTo(exact.score(), org.assertj.core.data.Percentage.withPercentage(1e-4));
        for (int layer = 1; layer <= 2; layer++) {
            for (String key : List.of("W", "RW", "b")) {
                INDArray g = fast.gradient().getGradientFor(layer + "_" + key);
                INDArray e = exact.gradient().getGradientFor(layer + "_" + key);
                assertThat(relativeError(g, e)).as("layer %d %s", layer, key).isLessThan(1e-5);
            }
            Map<String, INDArray> fastLast = ((RecurrentLayer) fast.getLayer(layer)).rnnGetTBPTTState();
            Map<String, INDArray> exactLast = ((RecurrentLayer) exact.getLayer(layer)).rnnGetTBPTTState();
            for (String key : List.of("prevAct", "prevMem")) {
                assertThat(relativeError(fastLast.get(key), exactLast.get(key))).as("layer %d %s", layer, key)
                        .isLessThan(1e-5);
            }
        }
        // The embedding's gradient is made of the first LSTM's input gradient.
        assertThat(relativeError(fast.gradient().getGradientFor("0_W"), exact.gradient().getGradientFor("0_W")))
                .isLessThan(1e-5);
    }

    @Test
    void gradientsFromACarriedStateEqualDl4jsInDouble() {
        assertSameGradients(6, 12, 4, 3, RNNFormat.NCW);
    }

    @Test
    void gradientsAtCharModelWidthsEqualDl4jsInDouble() {
        assertSameGradients(32, 64, 25, 8, RNNFormat.NCW);
    }

    @Test
    void timeMajorAndBatchMajorFormatsBothMatch() {
        assertSameGradients(5, 7, 6, 2, RNNFormat.NWC);
    }

    @Test
    void inferenceOutputEqualsDl4jsAndDoesNotArmABackwardPass() {
        MultiLayerNetwork fast = network(6, 12, 5, true, DataType.FLOAT, RNNFormat.NCW);
        MultiLayerNetwork plain = network(6, 12, 5, false, DataType.FLOAT, RNNFormat.NCW);
        plain.setParams(fast.params());
        INDArray in = tokens(3, 4, 9, RNNFormat.NCW);
        INDArray a = fast.output(in, false);
        INDArray b = plain.output(in, false);
        assertThat(relativeError(a, b)).isLessThan(1e-5);
        // rnnTimeStep runs from a cleared state.
        fast.rnnClearPreviousState();
        plain.rnnClearPreviousState();
        assertThat(relativeError(fast.rnnTimeStep(in), plain.rnnTimeStep(in))).isLessThan(1e-5);
    }

    @Test
    void rnnTimeStepWindowsCarryTheStateAsDl4jsDo() {
        for (RNNFormat format : RNNFormat.values()) {
            MultiLayerNetwork fast = network(6, 12, 5, true, DataType.FLOAT, format);
            MultiLayerNetwork plain = network(6, 12, 5, false, DataType.FLOAT, format);
            plain.setParams(fast.params());
            fast.rnnClearPreviousState();
            plain.rnnClearPreviousState();
            // Two windows (oneDNN, the second from the first's end state), then one token at a time (DL4J's, from it).
            for (int window = 0; window < 2; window++) {
                INDArray in = tokens(10 + window, 4, 7, RNNFormat.NCW); // the embedding reads [N, 1, T] either way
                assertThat(relativeError(fast.rnnTimeStep(in), plain.rnnTimeStep(in))).as("%s window %d", format, window)
                        .isLessThan(1e-5);
            }
            INDArray step = tokens(20, 4, 1, RNNFormat.NCW);
            assertThat(relativeError(fast.rnnTimeStep(step), plain.rnnTimeStep(step))).as("%s single step", format)
                    .isLessThan(1e-5);
            RecurrentLayer lstm = (RecurrentLayer) fast.getLayer(2);
            assertThat(relativeError(lstm.rnnGetPreviousState().get("prevMem"),
                    ((RecurrentLayer) plain.getLayer(2)).rnnGetPreviousState().get("prevMem"))).isLessThan(1e-5);
        }
    }

    @Test
    void theConfigurationSurvivesJsonAndTheModelZip(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = network(6, 12, 5, true, DataType.FLOAT, RNNFormat.NCW);
        MultiLayerConfiguration rebuilt = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        assertThat(rebuilt.getConf(1).getLayer()).isInstanceOf(OneDnnLstm.class).isEqualTo(net.getLayerWiseConfigurations().getConf(1).getLayer());
        MultiLayerNetwork fromJson = new MultiLayerNetwork(rebuilt);
        fromJson.init();
        assertThat(fromJson.getLayer(2)).isInstanceOf(OneDnnLstmLayer.class);

        File zip = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, zip, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(zip, true);
        assertThat(restored.getLayer(1)).isInstanceOf(OneDnnLstmLayer.class);
        assertThat(restored.params().equalsWithEps(net.params(), 0)).isTrue();
        INDArray in = tokens(4, 2, 5, RNNFormat.NCW);
        assertThat(restored.output(in).equalsWithEps(net.output(in), 1e-6)).isTrue();
        assertThat(Files.size(zip.toPath())).isPositive();
    }

    @Test
    void fiveTrainingStepsFollowDl4jsLstm() {
        int seq = 8;
        int batch = 4;
        MultiLayerNetwork fast = network(8, 16, seq, true, DataType.FLOAT, RNNFormat.NCW);
        MultiLayerNetwork plain = network(8, 16, seq, false, DataType.FLOAT, RNNFormat.NCW);
        fast = withAdam(fast);
        plain = withAdam(plain);
        plain.setParams(fast.params());
        CarriedStateLstmLayer.installIn(plain);
        TruncatedBpttStep fastStep = new TruncatedBpttStep(fast, seq, 1e9, "tok");
        TruncatedBpttStep plainStep = new TruncatedBpttStep(plain, seq, 1e9, "tok");
        for (int step = 0; step < 5; step++) {
            DataSet batchData = new DataSet(tokens(10 + step, batch, seq, RNNFormat.NCW), tokens(20 + step, batch, seq, RNNFormat.NCW));
            double a = fastStep.fit(batchData);
            double b = plainStep.fit(batchData);
            assertThat(a).as("step %d loss", step).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-5));
        }
        // Adam divides by sqrt(v): float rounding of near-zero gradients shows in the fifth decimal.
        assertThat(relativeError(fast.params(), plain.params())).isLessThan(1e-4);
        assertThat(relativeError(fastStep.carriedState().get(2).get("prevMem"), plainStep.carriedState().get(2).get("prevMem")))
                .isLessThan(1e-4);
    }

    /** The same network trained with TorchAdam, the suite's optimiser. */
    private static MultiLayerNetwork withAdam(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        conf.getConfs().forEach(c -> ((org.deeplearning4j.nn.conf.layers.BaseLayer) c.getLayer())
                .setIUpdater(new TorchAdam(0.01)));
        MultiLayerNetwork copy = new MultiLayerNetwork(conf);
        copy.init(net.params().dup(), false);
        return copy;
    }
}
