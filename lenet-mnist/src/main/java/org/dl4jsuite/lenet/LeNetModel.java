package org.dl4jsuite.lenet;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * LeNet-5 exactly as in the reference assignment: 1×28×28 → conv 5×5×6 → ReLU → max-pool 2 →
 * conv 5×5×16 → ReLU → max-pool 2 → dense 120 ReLU → dense 84 ReLU → dense 10 softmax.
 */
public final class LeNetModel {
    /** The input: flat 784-pixel rows, read as 1×28×28 images. */
    public static final InputType INPUT = InputType.convolutionalFlat(28, 28, 1);

    private LeNetModel() {
    }

    /** The network configuration for {@code config}, seeded with {@code seed}. */
    public static MultiLayerConfiguration configuration(LeNetConfig config, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(config.learningRate()))
                // DL4J's fan-in bound is 3/sqrt(fan_in); scale 1/3 gives PyTorch's default U(±1/sqrt(fan_in)).
                .weightInit(new WeightInitVarScalingUniformFanIn(1.0 / 3.0))
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).stride(1, 1).activation(Activation.RELU).name("conv1").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool1").build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).stride(1, 1).activation(Activation.RELU).name("conv2").build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).name("pool2").build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).name("fc1").build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).name("fc2").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).name("out").build())
                .setInputType(INPUT)
                .build();
    }

    /** A freshly initialised LeNet-5. */
    public static MultiLayerNetwork build(LeNetConfig config, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(config, seed));
        net.init();
        return net;
    }
}
