package org.dl4jsuite.charlstm;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dl4jsuite.common.onednn.OneDnnLstm;
import org.dl4jsuite.common.optim.TorchAdam;
import org.dl4jsuite.common.sequence.SparseSoftmaxOutput;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The character model: embedding → stacked LSTM → softmax over the vocabulary, trained by
 * truncated BPTT over windows of {@code seqLength} (the state carried between windows by the
 * training step). All tensors are NCW [batch, features, time]; labels are character ids. The LSTMs train
 * through oneDNN ({@link OneDnnLstm}), the output layer with a fused sparse softmax cross-entropy
 * ({@link SparseSoftmaxOutput}); with {@code --impl dl4j} both are DL4J's own.
 */
public final class CharLstmModel {
    private CharLstmModel() {
    }

    /** The network configuration for {@code config} over {@code vocabulary} characters. */
    public static MultiLayerConfiguration configuration(CharLstmConfig config, int vocabulary, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new TorchAdam(config.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(config.embedding())
                        .outputDataFormat(RNNFormat.NCW).name("embedding").build());
        int in = config.embedding();
        for (int i = 0; i < config.layers(); i++) {
            LSTM.Builder lstm = new LSTM.Builder().nIn(in).nOut(config.hidden()).activation(Activation.TANH)
                    .dataFormat(RNNFormat.NCW).name("lstm" + (i + 1));
            if (i > 0 && config.dropout() > 0) {
                lstm.dropOut(new Dropout(1.0 - config.dropout()));   // DL4J's argument: the fraction kept
            }
            list.layer(OneDnnLstm.of(lstm.build()));
            in = config.hidden();
        }
        return list.layer(SparseSoftmaxOutput.of(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(in)
                        .nOut(vocabulary).activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).name("softmax").build()))
                .backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(config.seqLength())
                .tBPTTBackwardLength(config.seqLength())
                .build();
    }

    /** A freshly initialised network. */
    public static MultiLayerNetwork build(CharLstmConfig config, int vocabulary, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(config, vocabulary, seed));
        net.init();
        return net;
    }
}
