package org.dl4jsuite.adversarial;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.onednn.OneDnnConvolution;
import org.dl4jsuite.common.onednn.OneDnnSubsampling;
import org.dl4jsuite.common.shapes.ReceptiveField;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * torchvision's AlexNet as a DL4J ComputationGraph whose input is RGB pixels in [0,1]: a fixed 1×1
 * "normalize" convolution applies the ImageNet mean/std first, so attacks measure perturbations in pixels.
 * Then conv 11/4/2 → ReLU → max-pool 3/2 → conv 5/1/2 → ReLU → pool → conv 3/1/1 ×3 (ReLU) → pool →
 * adaptive average pool → dropout, dense, ReLU, dropout, dense, ReLU, dense "fc8" (logits) → softmax loss.
 */
public final class AlexNetModel {
    /** The network input's name. */
    public static final String INPUT = "pixels";
    /** The vertex whose activations are the logits. */
    public static final String LOGITS = "fc8";
    /** The softmax cross-entropy output. */
    public static final String OUTPUT = "output";
    /** The fixed normalisation layer. */
    public static final String NORMALIZE = "normalize";
    /** torchvision's normalisation of RGB pixels in [0,1]. */
    public static final double[] MEAN = {0.485, 0.456, 0.406};
    public static final double[] STD = {0.229, 0.224, 0.225};

    /** The feature extractor's conv and pool layers as kernel/stride/padding, named as in the graph. */
    public static final List<ReceptiveField.Layer> FEATURE_LAYERS = List.of(
            new ReceptiveField.Layer("conv1", 11, 4, 2), new ReceptiveField.Layer("pool1", 3, 2, 0),
            new ReceptiveField.Layer("conv2", 5, 1, 2), new ReceptiveField.Layer("pool2", 3, 2, 0),
            new ReceptiveField.Layer("conv3", 3, 1, 1), new ReceptiveField.Layer("conv4", 3, 1, 1),
            new ReceptiveField.Layer("conv5", 3, 1, 1), new ReceptiveField.Layer("pool3", 3, 2, 0));

    private AlexNetModel() {
    }

    /** The input type for {@code config}: 3×size×size. */
    public static InputType inputType(AlexNetConfig config) {
        return InputType.convolutional(config.inputSize(), config.inputSize(), 3);
    }

    /** The side of the last pool's output map for this input size. */
    public static int featureMapSize(int inputSize) {
        List<ReceptiveField.Step> steps = ReceptiveField.trace(inputSize, 0.5, FEATURE_LAYERS);
        return steps.get(steps.size() - 1).size();
    }

    /** The graph configuration; the adaptive pool is the identity or an exact average pool, else an error. */
    public static ComputationGraphConfiguration configuration(AlexNetConfig config, long seed) {
        int map = featureMapSize(config.inputSize());
        int out = config.poolOutput();
        if (map != out && map % out != 0) {
            throw new SuiteException("AlexNet's adaptive average pool to " + out + "×" + out + " is implemented when the last "
                    + "feature map is a multiple of it; input " + config.inputSize() + " gives " + map + "×" + map
                    + ". Use input 224 (6×6 maps), or a size whose map is a multiple of " + out);
        }
        List<Integer> c = config.channels();
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new NoOp())
                .convolutionMode(ConvolutionMode.Truncate)
                // PyTorch's default U(±1/sqrt(fan_in)): DL4J's fan-in bound is 3/sqrt(fan_in), scaled by 1/3.
                .weightInit(new WeightInitVarScalingUniformFanIn(1.0 / 3.0))
                .graphBuilder()
                .addInputs(INPUT)
                .addLayer(NORMALIZE, new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.IDENTITY).build(), INPUT)
                .addLayer("conv1", conv(11, 4, 2, c.get(0)), NORMALIZE)
                .addLayer("pool1", maxPool(), "conv1")
                .addLayer("conv2", conv(5, 1, 2, c.get(1)), "pool1")
                .addLayer("pool2", maxPool(), "conv2")
                .addLayer("conv3", conv(3, 1, 1, c.get(2)), "pool2")
                .addLayer("conv4", conv(3, 1, 1, c.get(3)), "conv3")
                .addLayer("conv5", conv(3, 1, 1, c.get(4)), "conv4")
                .addLayer("pool3", maxPool(), "conv5");
        String last = "pool3";
        if (map != out) {
            int k = map / out;
            graph.addLayer("avgpool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG)
                    .kernelSize(k, k).stride(k, k).build(), last);
            last = "avgpool";
        }
        // DL4J's dropOut(x) is the probability of keeping an activation, PyTorch's p that of dropping one.
        double retain = 1.0 - config.dropout();
        DenseLayer.Builder fc6 = new DenseLayer.Builder().nOut(config.hidden()).activation(Activation.RELU);
        DenseLayer.Builder fc7 = new DenseLayer.Builder().nOut(config.hidden()).activation(Activation.RELU);
        if (config.dropout() > 0) {
            fc6.dropOut(retain);
            fc7.dropOut(retain);
        }
        return graph
                .addLayer("fc6", fc6.build(), last)
                .addLayer("fc7", fc7.build(), "fc6")
                .addLayer(LOGITS, new DenseLayer.Builder().nOut(config.classes()).activation(Activation.IDENTITY).build(), "fc7")
                .addLayer(OUTPUT, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                        LOGITS)
                .setOutputs(OUTPUT)
                .setInputTypes(inputType(config))
                .build();
    }

    /** An initialised AlexNet (PyTorch-style random weights) with its normalisation layer set. */
    public static ComputationGraph build(AlexNetConfig config, long seed) {
        ComputationGraph net = new ComputationGraph(configuration(config, seed));
        net.init();
        setNormalization(net);
        return net;
    }

    /** Sets the 1×1 "normalize" layer to x ↦ (x − mean_c)/std_c per channel: W = diag(1/std), b = −mean/std. */
    public static void setNormalization(ComputationGraph net) {
        INDArray w = Nd4j.zeros(net.getLayer(NORMALIZE).getParam("W").dataType(), 3, 3, 1, 1);
        INDArray b = Nd4j.zeros(net.getLayer(NORMALIZE).getParam("b").dataType(), 1, 3);
        for (int ch = 0; ch < 3; ch++) {
            w.putScalar(new long[] {ch, ch, 0, 0}, 1.0 / STD[ch]);
            b.putScalar(0, ch, -MEAN[ch] / STD[ch]);
        }
        net.getLayer(NORMALIZE).getParam("W").assign(w);
        net.getLayer(NORMALIZE).getParam("b").assign(b);
    }

    /** The logits (pre-softmax fc8 activations) in inference mode. */
    public static INDArray logits(ComputationGraph net, INDArray pixels) {
        return net.feedForward(pixels, false).get(LOGITS).dup();
    }

    /** A convolution + ReLU on oneDNN ({@link OneDnnConvolution}; DL4J's own with {@code --impl dl4j}). */
    private static ConvolutionLayer conv(int kernel, int stride, int padding, int nOut) {
        return OneDnnConvolution.of(new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
                .padding(padding, padding).nOut(nOut).activation(Activation.RELU).build());
    }

    /** A 3×3 stride-2 max-pool on oneDNN ({@link OneDnnSubsampling}). */
    private static SubsamplingLayer maxPool() {
        return OneDnnSubsampling.of(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(3, 3)
                .stride(2, 2).build());
    }
}
