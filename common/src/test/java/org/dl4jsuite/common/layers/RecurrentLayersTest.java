package org.dl4jsuite.common.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dl4jsuite.common.layers.GradientProofs.normal;
import static org.dl4jsuite.common.layers.SequenceFixtures.CLASSES;
import static org.dl4jsuite.common.layers.SequenceFixtures.FEATURES;
import static org.dl4jsuite.common.layers.SequenceFixtures.N;
import static org.dl4jsuite.common.layers.SequenceFixtures.SEQUENCES;
import static org.dl4jsuite.common.layers.SequenceFixtures.T;
import static org.dl4jsuite.common.layers.SequenceFixtures.UNITS;
import static org.dl4jsuite.common.layers.SequenceFixtures.oneHotSequence;
import static org.dl4jsuite.common.layers.SequenceFixtures.withOutput;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class RecurrentLayersTest {
    private final INDArray x = normal(21, N, FEATURES, T);
    private final INDArray y = oneHotSequence(22);

    @BeforeAll
    static void doubles() {
        GradientProofs.useDoublePrecision();
    }

    @AfterAll
    static void floats() {
        GradientProofs.restoreFloat();
    }

    @Test
    void lstmParameterAndInputGradientsPass() {
        GradientProofs.assertParameterGradientsPass(withOutput(SEQUENCES, new Lstm(UNITS)), x, y);
        GradientProofs.assertInputGradientPasses(withOutput(SEQUENCES, new Lstm(UNITS)), x, y);
    }

    @Test
    void gatedRecurrentCellParameterAndInputGradientsPass() {
        GradientProofs.assertParameterGradientsPass(withOutput(SEQUENCES, new GatedRecurrentCell(UNITS)), x, y);
        GradientProofs.assertInputGradientPasses(withOutput(SEQUENCES, new GatedRecurrentCell(UNITS)), x, y);
    }

    @Test
    void lstmEqualsDl4jLstm() {
        MultiLayerNetwork reference = withOutput(SEQUENCES, new LSTM.Builder().nOut(UNITS).activation(Activation.TANH)
                .gateActivationFunction(Activation.SIGMOID).dataFormat(RNNFormat.NCW).build());
        GradientProofs.assertSameAsReference(withOutput(SEQUENCES, new Lstm(UNITS)), reference, x, y,
                RecurrentLayersTest::toDl4jLstm);
    }

    /**
     * Our W [h; x] × [i f g o] onto DL4J's W (x rows), RW (h rows) and b. LSTMHelpers.activateHelper reads the
     * column blocks of W, RW and b as: [0,n) block input (layer activation, tanh), [n,2n) forget gate, [2n,3n)
     * output gate, [3n,4n) input-modulation gate (the "i" that multiplies the block input); LSTMParamInitializer
     * keys them W [nIn, 4n], RW [n, 4n] (no peepholes in LSTM), b [1, 4n].
     */
    private static Map<String, INDArray> toDl4jLstm(Map<String, INDArray> ours) {
        int[] dl4jBlockOf = {3, 1, 0, 2}; // our i, f, g, o
        INDArray w = ours.get("0_" + Lstm.WEIGHT);
        INDArray b = ours.get("0_" + Lstm.BIAS).reshape(1, 4 * UNITS);
        INDArray inputWeights = Nd4j.create(DataType.DOUBLE, FEATURES, 4 * UNITS);
        INDArray recurrentWeights = Nd4j.create(DataType.DOUBLE, UNITS, 4 * UNITS);
        INDArray bias = Nd4j.create(DataType.DOUBLE, 1, 4 * UNITS);
        for (int gate = 0; gate < 4; gate++) {
            var ourBlock = NDArrayIndex.interval(gate * UNITS, (gate + 1) * UNITS);
            var theirBlock = NDArrayIndex.interval(dl4jBlockOf[gate] * UNITS, (dl4jBlockOf[gate] + 1) * UNITS);
            recurrentWeights.get(NDArrayIndex.all(), theirBlock)
                    .assign(w.get(NDArrayIndex.interval(0, UNITS), ourBlock));
            inputWeights.get(NDArrayIndex.all(), theirBlock)
                    .assign(w.get(NDArrayIndex.interval(UNITS, UNITS + FEATURES), ourBlock));
            bias.get(NDArrayIndex.all(), theirBlock).assign(b.get(NDArrayIndex.all(), ourBlock));
        }
        Map<String, INDArray> theirs = new LinkedHashMap<>();
        theirs.put("0_" + LSTMParamInitializer.INPUT_WEIGHT_KEY, inputWeights);
        theirs.put("0_" + LSTMParamInitializer.RECURRENT_WEIGHT_KEY, recurrentWeights);
        theirs.put("0_" + LSTMParamInitializer.BIAS_KEY, bias);
        ours.forEach((key, value) -> {
            if (!key.startsWith("0_")) {
                theirs.put(key, value);
            }
        });
        return theirs;
    }

    /** Indices [N, 1, T] below the vocabulary, with repeats so that the scatter-add must accumulate. */
    private static INDArray indices() {
        return Nd4j.createFromArray(new double[][][] {{{0, 2, 2, 5, 1, 2}}, {{6, 0, 0, 3, 2, 2}}, {{1, 1, 4, 6, 0, 5}}});
    }

    @Test
    void embeddingParameterGradientsPassAndEqualDl4jEmbeddingSequenceLayer() {
        InputType indexSequences = InputType.recurrent(1, T, RNNFormat.NCW);
        GradientProofs.assertParameterGradientsPass(withOutput(indexSequences, new Embedding(7, UNITS)), indices(), y);
        // No input type here: DL4J's setInputType would reset the embedding's nIn to the index width, 1.
        MultiLayerNetwork reference = GradientProofs.network(null, new EmbeddingSequenceLayer.Builder().nIn(7)
                .nOut(UNITS).inputLength(T).hasBias(false).outputDataFormat(RNNFormat.NCW).build(),
                new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(UNITS).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build());
        MultiLayerNetwork ours = withOutput(indexSequences, new Embedding(7, UNITS));
        var theirGradients = reference.calculateGradients(indices(), y, null, null);
        assertThat(theirGradients.getSecond()).as("DL4J gives no gradient for indices either").isNull();
        ours.getParam("0_W").assign(reference.getParam("0_W"));
        ours.getParam("1_W").assign(reference.getParam("1_W"));
        ours.getParam("1_b").assign(reference.getParam("1_b"));
        GradientProofs.assertClose("embedding output", ours.output(indices()), reference.output(indices()));
        var ourGradients = ours.calculateGradients(indices(), y, null, null);
        for (String key : reference.paramTable().keySet()) {
            GradientProofs.assertClose("gradient of " + key, ourGradients.getFirst().getGradientFor(key).dup(),
                    reference.calculateGradients(indices(), y, null, null).getFirst().getGradientFor(key));
        }
    }
}
