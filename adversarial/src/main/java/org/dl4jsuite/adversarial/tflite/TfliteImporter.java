package org.dl4jsuite.adversarial.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.adversarial.InputScaling;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds a DL4J ComputationGraph from a TFLite image classifier: checks that the model is one (a single image
 * input, one output computed by a SOFTMAX), walks its operators in order through {@link OperatorLayers}, builds the
 * graph, checks DL4J's shapes against the file's and sets the dequantized weights. A 1001-way output whose class 0
 * is "background" is cut to the 1000 ImageNet classes.
 */
public final class TfliteImporter {
    /** The graph's input name. */
    public static final String INPUT = "input";
    /** The softmax cross-entropy output layer. */
    public static final String OUTPUT = "output";
    /** The largest input the importer takes: an image classifier's, with room to spare. */
    static final int MAX_CHANNELS = 4;
    static final int MAX_SIDE = 16384;
    /**
     * How many times the input's values one layer's output may hold, beyond {@link #ALWAYS_ALLOWED}: image classifiers
     * shrink their input (MobileNet's largest activation is 8 times its input); a file that pads a tensor to millions
     * of columns is refused.
     */
    static final int MAX_GROWTH = 64;
    /** Values a layer's output may always hold (a tiny input's 1001 logits, say). */
    static final long ALWAYS_ALLOWED = 1 << 20;

    private final TfliteModel model;
    private final String source;
    private final ComputationGraphConfiguration.GraphBuilder graph;

    private TfliteImporter(TfliteModel model) {
        this.model = model;
        this.source = model.source();
        this.graph = new NeuralNetConfiguration.Builder()
                .updater(new Adam(1e-4))
                .dataType(DataType.FLOAT)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder();
    }

    /** The imported network and the facts about its input and output. */
    public record Imported(ComputationGraph graph, int height, int width, int channels, InputScaling scaling,
                           int fileClasses, boolean backgroundDropped) {
        /** Classes of the DL4J network's output. */
        public int classes() {
            return backgroundDropped ? fileClasses - 1 : fileClasses;
        }
    }

    /**
     * Imports {@code model}. {@code dropBackground}: whether a 1001-way output's class 0 is a "background" class
     * to leave out (TF-slim's ImageNet classifiers).
     */
    public static Imported importModel(TfliteModel model, boolean dropBackground) {
        return new TfliteImporter(model).build(dropBackground);
    }

    private Imported build(boolean dropBackground) {
        if (model.inputs().length != 1 || model.outputs().length != 1) {
            throw new SuiteException(source + " has " + model.inputs().length + " inputs and " + model.outputs().length
                    + " outputs; the importer takes image classifiers with one input and one output");
        }
        TfliteTensor input = model.tensor(model.inputs()[0]);
        int[] s = input.shape();
        if (s.length != 4 || s[3] <= 0 || s[1] <= 0 || s[2] <= 0) {
            throw new SuiteException(source + ": the input " + input.describe() + " is not an image batch [n, height, width, channels]");
        }
        if (s[3] > MAX_CHANNELS || s[1] > MAX_SIDE || s[2] > MAX_SIDE) {
            throw new SuiteException(source + ": the input " + input.describe() + " is not an image the importer takes (at most "
                    + MAX_CHANNELS + " channels and " + MAX_SIDE + " pixels a side)");
        }
        InputScaling scaling = inputScaling(input);
        graph.addInputs(INPUT);
        OperatorLayers layers = new OperatorLayers(model, graph, input.index(), INPUT);
        int outputTensor = model.outputs()[0];
        boolean hasOutput = false;
        int fileClasses = 0;
        boolean dropped = false;
        for (TfliteOperator op : model.operators()) {
            if (op.outputs().length != 1 || op.outputs()[0] < 0) {
                throw layers.unsupported(op, " with " + op.outputs().length + " outputs");
            }
            boolean last = op.outputs()[0] == outputTensor;
            if (last && !op.name().equals("SOFTMAX")) {
                throw new SuiteException(source + ": the output is computed by " + op.name() + ", not SOFTMAX; the "
                        + "importer takes classifiers that end in a softmax");
            }
            try {
                if (last) {
                    int[] logits = layers.shapeOf(op, 0);
                    fileClasses = logits.length == 0 ? 0 : logits[logits.length - 1];
                    dropped = dropBackground && fileClasses == 1001;
                    layers.addOutput(op, dropped);
                    hasOutput = true;
                } else {
                    layers.add(op);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // Geometry the file states that no layer can have (a zero stride, a window larger than its input),
                // refused by SamePadding or by DL4J's own builders.
                throw layers.unsupported(op, " with " + e.getMessage());
            }
        }
        if (!hasOutput) {
            throw new SuiteException(source + ": no operator computes the output tensor " + outputTensor);
        }
        ComputationGraph net = buildGraph(InputType.convolutional(s[1], s[2], s[3]), layers.tensorOf(),
                dropped ? fileClasses - 1 : fileClasses);
        layers.parameters().forEach((layer, wb) -> {
            net.getLayer(layer).setParam("W", wb[0]);
            net.getLayer(layer).setParam("b", wb[1]);
        });
        return new Imported(net, s[1], s[2], s[3], scaling, fileClasses, dropped);
    }

    /**
     * The graph for {@code input}, its layers' shapes checked against the file's tensors ({@code tensorOf}) and its
     * softmax reading one logit per class of the {@code classes} it outputs.
     */
    private ComputationGraph buildGraph(InputType input, Map<String, Integer> tensorOf, int classes) {
        graph.setOutputs(OUTPUT).setInputTypes(input);
        try {
            ComputationGraphConfiguration conf = graph.build();
            checkShapes(conf, input, tensorOf);
            checkLogits(conf, input, classes);
            ComputationGraph net = new ComputationGraph(conf);
            net.init();
            return net;
        } catch (SuiteException e) {
            throw e;
        } catch (RuntimeException e) {
            // DL4J's own validation of the graph the file describes (shapes that do not connect, and the like).
            throw new SuiteException(source + ": DL4J rejected the imported graph: " + e.getMessage());
        }
    }

    /** uint8 pixels q = 255·p (int8: 255·p − 128) dequantized with the input's own scale and zero point. */
    private InputScaling inputScaling(TfliteTensor input) {
        int channels = input.shape()[3];
        Quantization q = input.quantization();
        return switch (input.type()) {
            case UINT8 -> requireQuantized(input, q, channels, 0);
            case INT8 -> requireQuantized(input, q, channels, -128);
            default -> throw new SuiteException(source + ": the input " + input.describe() + " is not quantized; the "
                    + "importer takes its pixel scaling from a uint8 or int8 input's quantization parameters");
        };
    }

    private InputScaling requireQuantized(TfliteTensor input, Quantization q, int channels, int pixelOffset) {
        if (!q.present() || q.perAxis()) {
            throw new SuiteException(source + ": the input " + input.describe() + " has no single scale and zero point");
        }
        double scale = q.scaleOf(0);
        return InputScaling.uniform(channels, 255 * scale, scale * (pixelOffset - q.zeroPointOf(0)));
    }

    /** The softmax's input must hold one value per class: the file's output tensor may declare fewer than its layers compute. */
    private void checkLogits(ComputationGraphConfiguration conf, InputType input, int classes) {
        String logits = conf.getVertexInputs().get(OUTPUT).get(0);
        long values = conf.getLayerActivationTypes(input).get(logits).arrayElementsPerExample();
        if (values != classes) {
            throw new SuiteException(source + ": the output tensor declares " + classes + " classes, but the layers "
                    + "before the softmax compute " + values + " values per image");
        }
    }

    /**
     * DL4J's inferred activation shape of every imported layer must be the TFLite tensor's (NHWC → CHW), no side
     * longer than {@link #MAX_SIDE} and no layer's output more than {@link #MAX_GROWTH} times the input.
     */
    private void checkShapes(ComputationGraphConfiguration conf, InputType input, Map<String, Integer> tensorOf) {
        Map<String, InputType> types = conf.getLayerActivationTypes(input);
        long most = Math.max(ALWAYS_ALLOWED, MAX_GROWTH * input.arrayElementsPerExample());
        types.forEach((layer, type) -> {
            boolean sideTooLong = type instanceof InputType.InputTypeConvolutional c
                    && (c.getHeight() > MAX_SIDE || c.getWidth() > MAX_SIDE);
            if (sideTooLong || type.arrayElementsPerExample() > most) {
                throw new SuiteException(source + ": layer " + layer + " would give " + type + ", more than the "
                        + "importer takes (" + MAX_SIDE + " a side, " + most + " values)");
            }
        });
        List<String> mismatches = new ArrayList<>();
        tensorOf.forEach((layer, tensor) -> {
            int[] t = model.tensor(tensor).shape();
            InputType type = types.get(layer);
            if (type instanceof InputType.InputTypeConvolutional c && t.length == 4
                    && (c.getHeight() != t[1] || c.getWidth() != t[2] || c.getChannels() != t[3])) {
                mismatches.add(layer + " gives " + c.getChannels() + "x" + c.getHeight() + "x" + c.getWidth() + ", the file "
                        + Arrays.toString(t));
            }
        });
        if (!mismatches.isEmpty()) {
            throw new SuiteException(source + ": the imported layers' shapes differ from the file's: " + mismatches);
        }
    }
}
