package org.dl4jsuite.common.classifier;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.dl4jsuite.common.workarounds.NativeGarbage;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A DL4J MultiLayerNetwork or ComputationGraph with a softmax cross-entropy output as a {@link Classifier}.
 *
 * <p>DL4J computes input gradients only in its training forward pass ({@code calculateGradients} and
 * {@code computeGradientAndScore} activate every layer with training = true), which would apply dropout.
 * So gradients come from a copy with every layer's dropout removed; then the training pass is the inference
 * function. Batch normalisation would still use batch statistics there, so such networks are refused.
 */
public final class Dl4jClassifier implements Classifier {
    private final MultiLayerNetwork multiLayer;
    private final ComputationGraph graph;
    private final List<String> classNames;
    private final InputGradientListener inputGradient;
    /**
     * Attack loops leave ~200 MiB of dead activations per AlexNet gradient that a 50 MiB heap never collects. A
     * 256 MiB budget, with the freed pages handed back at each collection, kept the attack bench's RSS between 1,160
     * and 1,400 MiB (512 MiB without the trim: 2,589 MiB, rising every iteration as malloc kept the freed pages).
     */
    private final NativeGarbage garbage = new NativeGarbage(256);

    private Dl4jClassifier(MultiLayerNetwork multiLayer, ComputationGraph graph, List<String> classNames) {
        this.multiLayer = multiLayer;
        this.graph = graph;
        this.classNames = List.copyOf(classNames);
        if (graph != null) {
            inputGradient = new InputGradientListener(graph.getConfiguration().getNetworkInputs().get(0));
            graph.setListeners(inputGradient);
        } else {
            inputGradient = null;
        }
    }

    /** Wraps an inference copy of {@code net}; the original is left as it is. */
    public static Dl4jClassifier of(MultiLayerNetwork net, List<String> classNames) {
        return adopt(net.clone(), classNames);
    }

    /** Wraps {@code net} itself, changing it for inference: for a network loaded only to be attacked. */
    public static Dl4jClassifier adopt(MultiLayerNetwork net, List<String> classNames) {
        // Without workspaces the output layer's input is still valid after the gradient pass, to read the probabilities.
        net.getLayerWiseConfigurations().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        net.getLayerWiseConfigurations().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        prepare(net.getLayers(), net.getOutputLayer());
        return new Dl4jClassifier(net, null, classNames);
    }

    /** Wraps an inference copy of a single-input, single-output graph; the original is left as it is. */
    public static Dl4jClassifier of(ComputationGraph net, List<String> classNames) {
        requireOneInputAndOutput(net);
        // A new graph, not net.clone(): M2.1's clone shares the original's listener list, so the gradient listener
        // set below would also replace that of every other classifier made from the same network.
        return wrap(FrozenGraph.of(net, net.params().dup()), classNames);
    }

    /**
     * Wraps {@code net}'s parameters without copying them, in a {@link FrozenGraph} for inference (no dropout, no
     * workspaces, no parameter gradients, a gradient listener): for a graph loaded only to be attacked.
     */
    public static Dl4jClassifier adopt(ComputationGraph net, List<String> classNames) {
        requireOneInputAndOutput(net);
        return wrap(FrozenGraph.of(net, net.params()), classNames);
    }

    private static Dl4jClassifier wrap(FrozenGraph net, List<String> classNames) {
        // Without workspaces the input vertex's epsilon is a plain array when the listener reads it. M2.1's
        // calcBackpropGradients picks its workspaces by the *inference* mode, so both modes are switched off.
        net.getConfiguration().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        net.getConfiguration().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        prepare(net.getLayers(), net.getOutputLayer(0));
        return new Dl4jClassifier(null, net, classNames);
    }

    private static void requireOneInputAndOutput(ComputationGraph net) {
        if (net.getNumInputArrays() != 1 || net.getNumOutputArrays() != 1) {
            throw new SuiteException("attacks need a graph with one input and one output, got "
                    + net.getNumInputArrays() + " and " + net.getNumOutputArrays());
        }
    }

    private static void prepare(Layer[] layers, Layer output) {
        for (Layer layer : layers) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (conf instanceof BatchNormalization) {
                throw new SuiteException("attacks on networks with batch normalisation are not supported: DL4J's gradient "
                        + "pass would use batch statistics instead of the stored ones");
            }
            conf.setIDropout(null);
            if (layer instanceof OneDnnConvolutionLayer convolution) {
                // Attacks read the input gradient only, and never change the weights.
                convolution.freezeParameters();
            }
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = output.conf().getLayer();
        ILossFunction loss = null;
        Object activation = null;
        if (conf instanceof BaseOutputLayer out) {
            loss = out.getLossFn();
            activation = out.getActivationFn();
        } else if (conf instanceof LossLayer out) {
            loss = out.getLossFn();
            activation = out.getActivationFn();
        }
        if (!(loss instanceof LossMCXENT) || !(activation instanceof ActivationSoftmax)) {
            throw new SuiteException("attacks need a classifier whose output is softmax with cross-entropy (MCXENT); got "
                    + conf.getClass().getSimpleName() + " with " + loss + " / " + activation);
        }
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public INDArray probabilities(INDArray pixels) {
        return multiLayer != null ? multiLayer.output(pixels, false) : graph.outputSingle(false, pixels);
    }

    @Override
    public INDArray lossGradient(INDArray pixels, INDArray labels) {
        return gradientPass(pixels, labels, false).gradient();
    }

    /** One forward and backward pass; the probabilities are those its forward pass computed. */
    @Override
    public ProbabilitiesAndGradient probabilitiesAndGradient(INDArray pixels, INDArray labels) {
        return gradientPass(pixels, labels, true);
    }

    private ProbabilitiesAndGradient gradientPass(INDArray pixels, INDArray labels, boolean withProbabilities) {
        garbage.check();
        if (multiLayer != null) {
            INDArray gradient = multiLayer.calculateGradients(pixels, labels, null, null).getSecond().reshape(pixels.shape());
            // Without workspaces the output layer still holds its input from the pass.
            return new ProbabilitiesAndGradient(withProbabilities ? outputOf(multiLayer.getOutputLayer()) : null, gradient);
        }
        graph.setInputs(pixels);
        graph.setLabels(labels);
        inputGradient.captured = null;
        inputGradient.probabilities = null;
        inputGradient.withProbabilities = withProbabilities;
        graph.computeGradientAndScore();
        if (inputGradient.captured == null) {
            throw new IllegalStateException("DL4J computed no gradient for the graph input");
        }
        return new ProbabilitiesAndGradient(inputGradient.probabilities, inputGradient.captured.reshape(pixels.shape()));
    }

    /** The output layer's activations (the probabilities) for the input it holds, in inference mode. */
    private static INDArray outputOf(Layer output) {
        return output.activate(false, LayerWorkspaceMgr.noWorkspaces()).dup();
    }

    /**
     * Reads the input vertex's epsilon (∂loss/∂input) in the backward-pass callback: ComputationGraph has no
     * calculateGradients in M2.1, and computeGradientAndScore clears every vertex's epsilon before returning.
     */
    private static final class InputGradientListener extends BaseTrainingListener {
        private final String input;
        private INDArray captured;
        private boolean withProbabilities;
        private INDArray probabilities;

        InputGradientListener(String input) {
            this.input = input;
        }

        @Override
        public void onBackwardPass(Model model) {
            INDArray epsilon = ((ComputationGraph) model).getVertex(input).getEpsilon();
            captured = epsilon == null ? null : epsilon.dup();
            if (withProbabilities) {
                // The output layer still holds its input here; the graph clears every vertex after this callback.
                probabilities = outputOf(((ComputationGraph) model).getOutputLayer(0));
            }
        }
    }
}
