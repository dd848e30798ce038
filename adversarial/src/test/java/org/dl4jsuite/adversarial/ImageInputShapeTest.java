package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A saved classifier's image size comes from its configuration, not from an assumption of 28×28 gray. */
class ImageInputShapeTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    @Test
    void readFromTheFlatImagePreprocessorOfTheFirstLayer() {
        MultiLayerNetwork colour = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(4).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(32, 30, 3)).build());
        colour.init();
        assertThat(ImageInputShape.of(colour, "colour.zip")).isEqualTo(new ImageInputShape(3, 32, 30));

        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("c", new ConvolutionLayer.Builder(3, 3).nOut(2).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "c")
                .setOutputs("out").setInputTypes(InputType.convolutionalFlat(28, 28, 1)).build());
        graph.init();
        assertThat(ImageInputShape.of(graph, "graph.zip")).isEqualTo(new ImageInputShape(1, 28, 28));
    }

    @Test
    void aNetworkThatDoesNotSayIsAClearError() {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
                .build());
        dense.init();
        assertThatThrownBy(() -> ImageInputShape.of(dense, "dense.zip")).isInstanceOf(SuiteException.class)
                .hasMessageContaining("dense.zip").hasMessageContaining("image size");
    }
}
