package org.dl4jsuite.wordlm;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.onednn.OneDnnLstm;
import org.dl4jsuite.common.optim.TorchAdam;
import org.dl4jsuite.common.sequence.SparseSoftmaxOutput;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The word model: EmbeddingSequenceLayer(V → embed) → {@code layers} × LSTM(hidden) → dense
 * softmax over V with LossSparseMCXENT (word ids as labels), truncated BPTT over windows of
 * {@code seqLength}; NCW [batch, features, time] throughout. Initialised as PyTorch initialises the
 * notebook's model: the embedding N(0, 1) (nn.Embedding), the LSTM's and the softmax layer's weights
 * U(−1/√hidden, 1/√hidden) (nn.LSTM, nn.Linear), the forget-gate bias at 0 where DL4J's default is 1
 * (biases start at 0; PyTorch draws them from the same uniform). With the same starting weights,
 * DL4J and the reference follow the same loss curve step for step. The LSTMs train through oneDNN
 * ({@link OneDnnLstm}) and the output layer with a fused sparse softmax cross-entropy
 * ({@link SparseSoftmaxOutput}); with {@code --impl dl4j} both are DL4J's own.
 */
public final class WordLmModel {
    /** Layer index of the embedding (its "W" is [V, embed]). */
    public static final int EMBEDDING_LAYER = 0;

    private WordLmModel() {
    }

    /** The network configuration for {@code config} over {@code vocabulary} words. */
    public static MultiLayerConfiguration configuration(WordLmConfig config, int vocabulary, long seed) {
        // DL4J's dropOut takes the probability of keeping an input.
        double retain = 1.0 - config.dropout();
        double bound = 1.0 / Math.sqrt(config.hidden());
        UniformDistribution torchUniform = new UniformDistribution(-bound, bound);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new TorchAdam(config.learningRate()))
                .weightInit(torchUniform)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(config.embedding())
                        .weightInit(new NormalDistribution(0, 1)).outputDataFormat(RNNFormat.NCW).name("embedding").build());
        int in = config.embedding();
        for (int i = 0; i < config.layers(); i++) {
            LSTM.Builder lstm = new LSTM.Builder().nIn(in).nOut(config.hidden()).activation(Activation.TANH)
                    .forgetGateBiasInit(0).dataFormat(RNNFormat.NCW).name("lstm" + (i + 1));
            if (config.dropout() > 0) {
                lstm.dropOut(retain);
            }
            list.layer(OneDnnLstm.of(lstm.build()));
            in = config.hidden();
        }
        RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(in).nOut(vocabulary)
                .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).name("softmax");
        if (config.dropout() > 0) {
            output.dropOut(retain);
        }
        return list.layer(SparseSoftmaxOutput.of(output.build()))
                .backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(config.seqLength())
                .tBPTTBackwardLength(config.seqLength())
                .build();
    }

    /** A freshly initialised network. */
    public static MultiLayerNetwork build(WordLmConfig config, int vocabulary, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(config, vocabulary, seed));
        net.init();
        return net;
    }
}
