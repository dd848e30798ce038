package org.dl4jsuite.lenet;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;
import org.dl4jsuite.common.data.ImageDataset;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.dl4jsuite.common.layers.Affine;
import org.dl4jsuite.common.layers.Conv2D;
import org.dl4jsuite.common.layers.Pool2D;
import org.dl4jsuite.common.layers.Relu;
import org.dl4jsuite.common.layers.SoftmaxCrossEntropy;
import org.dl4jsuite.common.onednn.OneDnnConvolution;
import org.dl4jsuite.common.onednn.OneDnnDense;
import org.dl4jsuite.common.onednn.OneDnnSoftmaxOutput;
import org.dl4jsuite.common.onednn.OneDnnSubsampling;
import org.dl4jsuite.common.optim.TorchAdam;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * LeNet-5 exactly as in the reference assignment: 1×28×28 → conv 5×5×6 → ReLU → max-pool 2 →
 * conv 5×5×16 → ReLU → max-pool 2 → dense 120 ReLU → dense 84 ReLU → dense 10 softmax, built from DL4J's layers
 * or, with {@code --net handwritten}, from the hand-derived layers of common; on CIFAR-10 the same shape on
 * 3×32×32. {@code --net mlp} is the reference's one-hidden-layer MLP.
 */
public final class LeNetModel {
    /** The input: flat 784-pixel rows, read as 1×28×28 images. */
    public static final InputType INPUT = InputType.convolutionalFlat(28, 28, 1);

    private LeNetModel() {
    }

    /** The input of a network for {@code dataset}: flat rows read as channels×side×side images. */
    public static InputType input(ImageDataset dataset) {
        return InputType.convolutionalFlat(dataset.side(), dataset.side(), dataset.channels());
    }

    /** The network configuration for {@code config}, seeded with {@code seed}. */
    public static MultiLayerConfiguration configuration(LeNetConfig config, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater(config))
                .weightInit(weightInit(config.init()))
                .biasInit(0)
                .list();
        Activation hidden = config.activation() == LeNetConfig.Activation.SIGMOID ? Activation.SIGMOID : Activation.RELU;
        NeuralNetConfiguration.ListBuilder layers = switch (config.net()) {
            case LENET5 -> dl4jLayers(list, hidden);
            case HANDWRITTEN -> handwrittenLayers(list);
            case MLP -> mlpLayers(list, hidden, config.hiddenMult() * inputWidth(config.dataset()));
        };
        return layers.setInputType(input(config.dataset())).build();
    }

    private static int inputWidth(ImageDataset dataset) {
        return dataset.channels() * dataset.side() * dataset.side();
    }

    /** Adam as PyTorch's, SGD with (Nesterov) momentum, or RMSprop with PyTorch's decay 0.99. */
    static IUpdater updater(LeNetConfig config) {
        return switch (config.optimizer()) {
            case ADAM -> new TorchAdam(config.learningRate());
            case SGD -> new Nesterovs(config.learningRate(), config.momentum());
            case RMSPROP -> new RmsProp(config.learningRate(), 0.99, 1e-8);
        };
    }

    static IWeightInit weightInit(LeNetConfig.Init init) {
        return switch (init) {
            // DL4J's fan-in bound is 3/sqrt(fan_in); scale 1/3 gives PyTorch's default U(±1/sqrt(fan_in)).
            case TORCH -> new WeightInitVarScalingUniformFanIn(1.0 / 3.0);
            case XAVIER -> WeightInit.XAVIER.getWeightInitFunction();
            case XAVIER_UNIFORM -> WeightInit.XAVIER_UNIFORM.getWeightInitFunction();
            case HE -> WeightInit.RELU.getWeightInitFunction();
            case HE_UNIFORM -> WeightInit.RELU_UNIFORM.getWeightInitFunction();
            case ZEROS -> WeightInit.ZERO.getWeightInitFunction();
        };
    }

    /** The reference's MLP: the flat input, one hidden layer of {@code hidden} units, softmax over the classes. */
    private static NeuralNetConfiguration.ListBuilder mlpLayers(NeuralNetConfiguration.ListBuilder list,
                                                               Activation activation, int hidden) {
        return list
                .layer(OneDnnDense.of(new DenseLayer.Builder().nOut(hidden).activation(activation).name("hidden").build()))
                .layer(OneDnnSoftmaxOutput.of(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).name("out").build()));
    }

    /**
     * LeNet-5 from DL4J's layers (the reference), the convolutions and poolings configured to run on oneDNN
     * ({@link OneDnnConvolution}, {@link OneDnnSubsampling}), the hidden dense layers too ({@link OneDnnDense}) and
     * the output layer's training step fused ({@link OneDnnSoftmaxOutput}); DL4J's own with {@code --impl dl4j}.
     */
    private static NeuralNetConfiguration.ListBuilder dl4jLayers(NeuralNetConfiguration.ListBuilder list,
                                                                Activation activation) {
        return list
                .layer(OneDnnConvolution.of(new ConvolutionLayer.Builder(5, 5).nOut(6).stride(1, 1)
                        .activation(activation).name("conv1").build()))
                .layer(maxPool("pool1"))
                .layer(OneDnnConvolution.of(new ConvolutionLayer.Builder(5, 5).nOut(16).stride(1, 1)
                        .activation(activation).name("conv2").build()))
                .layer(maxPool("pool2"))
                .layer(OneDnnDense.of(new DenseLayer.Builder().nOut(120).activation(activation).name("fc1").build()))
                .layer(OneDnnDense.of(new DenseLayer.Builder().nOut(84).activation(activation).name("fc2").build()))
                .layer(OneDnnSoftmaxOutput.of(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).name("out").build()));
    }

    private static Layer maxPool(String name) {
        return OneDnnSubsampling.of(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                .stride(2, 2).name(name).build());
    }

    /** The same LeNet-5 from the hand-derived layers of {@code org.dl4jsuite.common.layers}. */
    private static NeuralNetConfiguration.ListBuilder handwrittenLayers(NeuralNetConfiguration.ListBuilder list) {
        return list
                .layer(named(new Conv2D(6, 5, 5), "conv1")).layer(named(new Relu(), "relu1"))
                .layer(named(new Pool2D(Pool2D.Kind.MAX, 2, 2), "pool1"))
                .layer(named(new Conv2D(16, 5, 5), "conv2")).layer(named(new Relu(), "relu2"))
                .layer(named(new Pool2D(Pool2D.Kind.MAX, 2, 2), "pool2"))
                .layer(named(new Affine(120), "fc1")).layer(named(new Relu(), "relu3"))
                .layer(named(new Affine(84), "fc2")).layer(named(new Relu(), "relu4"))
                .layer(named(new SoftmaxCrossEntropy(10), "out"));
    }

    private static Layer named(Layer layer, String name) {
        layer.setLayerName(name);
        return layer;
    }

    /** A freshly initialised LeNet-5. */
    public static MultiLayerNetwork build(LeNetConfig config, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(config, seed));
        net.init();
        return net;
    }
}
