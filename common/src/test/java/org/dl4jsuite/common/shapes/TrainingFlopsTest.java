package org.dl4jsuite.common.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

class TrainingFlopsTest {
    private static final InputType MNIST = InputType.convolutionalFlat(28, 28, 1);

    private static MultiLayerConfiguration lenet() {
        return new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(120).build())
                .layer(new DenseLayer.Builder().nOut(84).build())
                .layer(new OutputLayer.Builder().nOut(10).build())
                .setInputType(MNIST).build();
    }

    @Test
    void leNetCountsItsConvolutionsAndDenseLayersByHand() {
        // conv1 6·24·24·25 + conv2 16·8·8·(6·25) + 256·120 + 120·84 + 84·10
        long expected = 6 * 24 * 24 * 25 + 16 * 8 * 8 * 150 + 256 * 120 + 120 * 84 + 84 * 10;
        assertThat(TrainingFlops.forwardMultiplyAdds(lenet(), MNIST)).isEqualTo(expected).isEqualTo(281_640);
        assertThat(TrainingFlops.perExample(lenet(), MNIST)).isEqualTo(6 * 281_640);
    }

    @Test
    void theWordModelCountsPerTimeStep() {
        MultiLayerConfiguration words = new NeuralNetConfiguration.Builder().list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(10_000).nOut(128).outputDataFormat(RNNFormat.NCW).build())
                .layer(new LSTM.Builder().nIn(128).nOut(1024).dataFormat(RNNFormat.NCW).build())
                .layer(new RnnOutputLayer.Builder(new LossSparseMCXENT()).nIn(1024).nOut(10_000).dataFormat(RNNFormat.NCW).build())
                .build();
        assertThat(TrainingFlops.forwardMultiplyAdds(words, null)).isEqualTo(4L * 1024 * (128 + 1024) + 1024L * 10_000);
    }

    @Test
    void aGraphCountsItsLayerVerticesAsTheListDoes() {
        ComputationGraphConfiguration graph = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("conv1", new ConvolutionLayer.Builder(5, 5).nOut(6).build(), "in")
                .addLayer("pool1", new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build(), "conv1")
                .addLayer("conv2", new ConvolutionLayer.Builder(5, 5).nOut(16).build(), "pool1")
                .addLayer("pool2", new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build(), "conv2")
                .addLayer("fc1", new DenseLayer.Builder().nOut(120).build(), "pool2")
                .addLayer("fc2", new DenseLayer.Builder().nOut(84).build(), "fc1")
                .addLayer("out", new OutputLayer.Builder().nOut(10).build(), "fc2")
                .setOutputs("out").setInputTypes(MNIST).build();
        assertThat(TrainingFlops.forwardMultiplyAdds(graph, MNIST)).isEqualTo(281_640);
        assertThat(TrainingFlops.perExample(graph, MNIST)).isEqualTo(6 * 281_640);
    }

    @Test
    void aConvolutionNeedsTheImageSize() {
        assertThatThrownBy(() -> TrainingFlops.forwardMultiplyAdds(lenet(), null)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("--image");
    }
}
