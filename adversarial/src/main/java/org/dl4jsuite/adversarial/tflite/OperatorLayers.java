package org.dl4jsuite.adversarial.tflite;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The operator mapping of the TFLite import: each operator the importer takes becomes DL4J layers and vertices in
 * the graph being built, reading the vertices that compute its input tensors. CONV_2D → ConvolutionLayer (OHWI
 * weights to OIHW), DEPTHWISE_CONV_2D → DepthwiseConvolution2D (1HWO to HWIM), ADD → ElementWiseVertex,
 * AVERAGE/MAX_POOL_2D → SubsamplingLayer, RESHAPE to [n, classes] → a flatten, SOFTMAX → the softmax
 * cross-entropy output; fused RELU / RELU6 / TANH become the layer's activation, SAME padding is TensorFlow's (a
 * ZeroPaddingLayer where it is asymmetric), QUANTIZE / DEQUANTIZE are identities in float. Weights and biases are
 * dequantized, to be set once the graph exists ({@link #parameters()}).
 */
final class OperatorLayers {
    /** The operators the importer turns into DL4J layers. */
    static final List<String> SUPPORTED = List.of("CONV_2D", "DEPTHWISE_CONV_2D", "ADD",
            "AVERAGE_POOL_2D", "MAX_POOL_2D", "RESHAPE", "SOFTMAX", "QUANTIZE", "DEQUANTIZE");

    private final TfliteModel model;
    private final String source;
    private final ComputationGraphConfiguration.GraphBuilder graph;
    /** The DL4J vertex that computes each TFLite tensor. */
    private final Map<Integer, String> vertexOf = new HashMap<>();
    /** Parameters to set once the graph exists: layer → (W, b). */
    private final Map<String, INDArray[]> parameters = new LinkedHashMap<>();
    /** The TFLite tensor each DL4J layer computes, for the shape check. */
    private final Map<String, Integer> tensorOf = new LinkedHashMap<>();

    /** Maps {@code model}'s operators into {@code graph}, whose vertex {@code inputVertex} is the tensor {@code input}. */
    OperatorLayers(TfliteModel model, ComputationGraphConfiguration.GraphBuilder graph, int input, String inputVertex) {
        this.model = model;
        this.source = model.source();
        this.graph = graph;
        vertexOf.put(input, inputVertex);
    }

    /** Each layer's weights and bias, [W, b], to set once the graph exists. */
    Map<String, INDArray[]> parameters() {
        return parameters;
    }

    /** The TFLite tensor each layer computes (the shapes DL4J infers must be these tensors'). */
    Map<String, Integer> tensorOf() {
        return tensorOf;
    }

    /** Adds the layers of {@code op}, one of {@link #SUPPORTED} but the final SOFTMAX. */
    void add(TfliteOperator op) {
        switch (op.name()) {
            case "CONV_2D" -> addConvolution(op, false);
            case "DEPTHWISE_CONV_2D" -> addConvolution(op, true);
            case "ADD" -> addAdd(op);
            case "AVERAGE_POOL_2D" -> addPool(op, SubsamplingLayer.PoolingType.AVG);
            case "MAX_POOL_2D" -> addPool(op, SubsamplingLayer.PoolingType.MAX);
            case "RESHAPE" -> addReshape(op);
            case "QUANTIZE", "DEQUANTIZE" -> vertexOf.put(op.outputs()[0], inputVertex(op, 0));
            default -> throw unsupported(op, "");
        }
    }

    /** The user error for an operator (or an operator's use) the importer cannot map. */
    SuiteException unsupported(TfliteOperator op, String why) {
        return new SuiteException(source + ": operator " + op.index() + " is " + op.name() + why
                + ", which the importer cannot turn into DL4J layers (it imports " + String.join(", ", SUPPORTED) + ")");
    }

    private String inputVertex(TfliteOperator op, int i) {
        if (i >= op.inputs().length || op.inputs()[i] < 0) {
            throw new SuiteException(source + ": operator " + op.index() + " (" + op.name() + ") has " + op.inputs().length
                    + " inputs, expected at least " + (i + 1));
        }
        String v = vertexOf.get(op.inputs()[i]);
        if (v == null) {
            TfliteTensor t = model.tensor(op.inputs()[i]);
            throw new SuiteException(source + ": operator " + op.index() + " (" + op.name() + ") reads " + t.describe()
                    + (t.constant() ? ", a constant, where the importer needs a computed tensor" : ", which no earlier operator computes"));
        }
        return v;
    }

    private TfliteTensor constantInput(TfliteOperator op, int i, String what) {
        if (i >= op.inputs().length || op.inputs()[i] < 0 || !model.tensor(op.inputs()[i]).constant()) {
            throw new SuiteException(source + ": operator " + op.index() + " (" + op.name() + ") has no constant " + what);
        }
        return model.tensor(op.inputs()[i]);
    }

    /** The shape of input {@code i} (which must exist) of {@code op}. */
    int[] shapeOf(TfliteOperator op, int i) {
        if (i >= op.inputs().length || op.inputs()[i] < 0) {
            throw new SuiteException(source + ": operator " + op.index() + " (" + op.name() + ") has no input " + i);
        }
        return model.tensor(op.inputs()[i]).shape();
    }

    /** The shape of input {@code i} of {@code op}, which must be an image batch [n, h, w, c]. */
    private int[] imageShapeOf(TfliteOperator op, int i) {
        int[] x = shapeOf(op, i);
        if (x.length != 4) {
            throw unsupported(op, " on a rank-" + x.length + " input " + Arrays.toString(x));
        }
        return x;
    }

    private void addConvolution(TfliteOperator op, boolean depthwise) {
        OperatorOptions o = op.options();
        String expected = depthwise ? "DepthwiseConv2DOptions" : "Conv2DOptions";
        if (!o.type().equals(expected)) {
            throw unsupported(op, " without " + expected);
        }
        String in = inputVertex(op, 0);
        int[] x = imageShapeOf(op, 0);
        TfliteTensor w = constantInput(op, 1, "filter");
        int[] ws = w.shape();
        if (x.length != 4 || ws.length != 4) {
            throw unsupported(op, " on shapes " + Arrays.toString(x) + " * " + Arrays.toString(ws));
        }
        int channels = x[3];
        int kh = ws[1];
        int kw = ws[2];
        int nOut = ws[depthwise ? 3 : 0];
        if (depthwise && o.depthMultiplier() < 1) {
            throw unsupported(op, " with depth multiplier " + o.depthMultiplier());
        }
        if (depthwise ? ws[0] != 1 || nOut != (long) channels * o.depthMultiplier() : ws[3] != channels) {
            throw unsupported(op, " with filter " + Arrays.toString(ws) + " on input " + Arrays.toString(x));
        }
        // The filter's values first: their count is checked against the file, which bounds nOut below.
        float[] filter = TensorValues.floats(w, source);
        float[] bias = new float[nOut];
        if (op.inputs().length > 2 && op.inputs()[2] >= 0) {
            bias = TensorValues.floats(constantInput(op, 2, "bias"), source);
            if (bias.length != nOut) {
                throw new SuiteException(source + ": operator " + op.index() + " has " + bias.length + " biases for " + nOut + " outputs");
            }
        }
        String name = (depthwise ? "dwconv" : "conv") + op.index();
        SamePadding ph = SamePadding.of(o.padding(), x[1], kh, o.strideH(), o.dilationH());
        SamePadding pw = SamePadding.of(o.padding(), x[2], kw, o.strideW(), o.dilationW());
        in = padIfAsymmetric(op, in, ph, pw);
        int padH = ph.symmetric() ? ph.before() : 0;
        int padW = pw.symmetric() ? pw.before() : 0;
        INDArray weights;
        if (depthwise) {
            // 1HWO with O = c·m + k is already [kH, kW, c, m] in row-major order: DL4J's depthwise layout.
            weights = Nd4j.create(filter, new long[] {kh, kw, channels, o.depthMultiplier()}, 'c');
            graph.addLayer(name, new DepthwiseConvolution2D.Builder(kh, kw).depthMultiplier(o.depthMultiplier())
                    .stride(o.strideH(), o.strideW()).dilation(o.dilationH(), o.dilationW()).padding(padH, padW)
                    .nIn(channels).nOut(nOut).activation(activation(op, o.activation())).build(), in);
        } else {
            // OHWI → DL4J's OIHW.
            weights = Nd4j.create(filter, new long[] {nOut, kh, kw, channels}, 'c').permute(0, 3, 1, 2).dup('c');
            graph.addLayer(name, new ConvolutionLayer.Builder(kh, kw).stride(o.strideH(), o.strideW())
                    .dilation(o.dilationH(), o.dilationW()).padding(padH, padW)
                    .nIn(channels).nOut(nOut).activation(activation(op, o.activation())).build(), in);
        }
        parameters.put(name, new INDArray[] {weights, Nd4j.create(bias, new long[] {1, nOut}, 'c')});
        produce(op, name, OperatorOptions.Activation.NONE);
    }

    /** TensorFlow pads SAME windows with the extra row/column after; DL4J's layers pad alike on both sides. */
    private String padIfAsymmetric(TfliteOperator op, String in, SamePadding ph, SamePadding pw) {
        if (ph.symmetric() && pw.symmetric()) {
            return in;
        }
        String pad = "pad" + op.index();
        graph.addLayer(pad, new ZeroPaddingLayer.Builder(ph.symmetric() ? 0 : ph.before(), ph.symmetric() ? 0 : ph.after(),
                pw.symmetric() ? 0 : pw.before(), pw.symmetric() ? 0 : pw.after()).build(), in);
        return pad;
    }

    private void addPool(TfliteOperator op, SubsamplingLayer.PoolingType type) {
        OperatorOptions o = op.options();
        if (!o.type().equals("Pool2DOptions")) {
            throw unsupported(op, " without Pool2DOptions");
        }
        String in = inputVertex(op, 0);
        int[] x = imageShapeOf(op, 0);
        SamePadding ph = SamePadding.of(o.padding(), x[1], o.filterH(), o.strideH(), 1);
        SamePadding pw = SamePadding.of(o.padding(), x[2], o.filterW(), o.strideW(), 1);
        if (!ph.symmetric() || !pw.symmetric()) {
            throw unsupported(op, " with asymmetric SAME padding (" + ph + ", " + pw + ")");
        }
        String name = (type == SubsamplingLayer.PoolingType.AVG ? "avgpool" : "maxpool") + op.index();
        // TensorFlow's average pool divides by the window's cells inside the input.
        graph.addLayer(name, new SubsamplingLayer.Builder(type).kernelSize(o.filterH(), o.filterW())
                .stride(o.strideH(), o.strideW()).padding(ph.before(), pw.before()).avgPoolIncludePadInDivisor(false)
                .build(), in);
        produce(op, name, o.activation());
    }

    private void addAdd(TfliteOperator op) {
        if (op.inputs().length != 2) {
            throw unsupported(op, " of " + op.inputs().length + " inputs");
        }
        String a = inputVertex(op, 0);
        String b = inputVertex(op, 1);
        imageShapeOf(op, 0);
        if (!Arrays.equals(shapeOf(op, 0), shapeOf(op, 1))) {
            throw unsupported(op, " with broadcasting " + Arrays.toString(shapeOf(op, 0)) + " + " + Arrays.toString(shapeOf(op, 1)));
        }
        String name = "add" + op.index();
        graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), a, b);
        produce(op, name, op.options().activation());
    }

    /** Only the classifier's squeeze [n, 1, 1, c] → [n, c] (or a reshape that keeps the shape) is imported. */
    private void addReshape(TfliteOperator op) {
        String in = inputVertex(op, 0);
        int[] x = shapeOf(op, 0);
        int[] y = model.tensor(op.outputs()[0]).shape();
        if (Arrays.equals(x, y)) {
            vertexOf.put(op.outputs()[0], in);
            return;
        }
        if (x.length == 4 && x[1] == 1 && x[2] == 1 && y.length == 2 && y[1] == x[3]) {
            String name = "flatten" + op.index();
            graph.addVertex(name, new PreprocessorVertex(new CnnToFeedForwardPreProcessor(1, 1, x[3])), in);
            vertexOf.put(op.outputs()[0], name);
            return;
        }
        throw unsupported(op, " from " + Arrays.toString(x) + " to " + Arrays.toString(y));
    }

    /**
     * Adds the softmax cross-entropy output over {@code op}'s logits, a SOFTMAX; with {@code dropBackground} a
     * 1001-way output's class 0 is left out.
     */
    void addOutput(TfliteOperator op, boolean dropBackground) {
        if (op.options().beta() != 1f && op.options().type().equals("SoftmaxOptions")) {
            throw unsupported(op, " with beta " + op.options().beta());
        }
        String logits = inputVertex(op, 0);
        int[] x = shapeOf(op, 0);
        if (x.length != 2) {
            throw unsupported(op, " over " + Arrays.toString(x) + " (the importer needs [n, classes] logits)");
        }
        if (dropBackground) {
            graph.addVertex("imagenet1000", new SubsetVertex(1, x[1] - 1), logits);
            logits = "imagenet1000";
        }
        graph.addLayer(TfliteImporter.OUTPUT, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
                logits);
    }

    /**
     * Records that {@code layer} computes {@code op}'s output, for the shape check; the next operators read it
     * after {@code activation} (an ActivationLayer when the operator fuses one DL4J's layer has not taken).
     */
    private void produce(TfliteOperator op, String layer, OperatorOptions.Activation activation) {
        String out = layer;
        if (activation != OperatorOptions.Activation.NONE) {
            out = layer + "_" + activation.name().toLowerCase(java.util.Locale.ROOT);
            graph.addLayer(out, new ActivationLayer.Builder().activation(activation(op, activation)).build(), layer);
        }
        tensorOf.put(layer, op.outputs()[0]);
        vertexOf.put(op.outputs()[0], out);
    }

    private Activation activation(TfliteOperator op, OperatorOptions.Activation a) {
        return switch (a) {
            case NONE -> Activation.IDENTITY;
            case RELU -> Activation.RELU;
            case RELU6 -> Activation.RELU6;
            case TANH -> Activation.TANH;
            default -> throw unsupported(op, " with fused activation " + a);
        };
    }
}
