package org.dl4jsuite.common.sequence;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/** A small embedding → 2 × LSTM → softmax language model for the sequence tests. */
public final class TinyLstm {
    private TinyLstm() {
    }

    /** The network over {@code vocabulary} tokens, truncated BPTT of {@code seq}. */
    public static MultiLayerNetwork network(int vocabulary, int seq, IUpdater updater, long seed) {
        return network(vocabulary, seq, updater, seed, DataType.FLOAT);
    }

    /** As {@link #network(int, int, IUpdater, long)} in {@code dataType} (DOUBLE for gradient checks). */
    public static MultiLayerNetwork network(int vocabulary, int seq, IUpdater updater, long seed, DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed).updater(updater)
                .dataType(dataType)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(6).outputDataFormat(RNNFormat.NCW).build())
                .layer(new LSTM.Builder().nIn(6).nOut(12).dataFormat(RNNFormat.NCW).build())
                .layer(new LSTM.Builder().nIn(12).nOut(12).dataFormat(RNNFormat.NCW).build())
                .layer(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(12).nOut(vocabulary)
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(seq).tBPTTBackwardLength(seq)
                .build());
        net.init();
        return net;
    }
}
