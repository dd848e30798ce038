package org.dl4jsuite.adversarial.tflite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.adversarial.InputScaling;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds a DL4J ComputationGraph from a TFLite image classifier: CONV_2D → ConvolutionLayer (OHWI weights to
 * OIHW), DEPTHWISE_CONV_2D → DepthwiseConvolution2D (1HWO to HWIM), ADD → ElementWiseVertex, AVERAGE/MAX_POOL_2D
 * → SubsamplingLayer, RESHAPE to [n, classes] → a flatten, SOFTMAX → the softmax cross-entropy output; fused
 * RELU / RELU6 / TANH become the layer's activation, SAME padding is TensorFlow's (a ZeroPaddingLayer where it
 * is asymmetric), QUANTIZE / DEQUANTIZE are identities in float. Weights and biases are dequantized. A
 * 1001-way output whose class 0 is "background" is cut to the 1000 ImageNet classes by a SubsetVertex.
 */
public final class TfliteImporter {
    /** The graph's input name. */
    public static final String INPUT = "input";
    /** The softmax cross-entropy output layer. */
    public static final String OUTPUT = "output";
    /** The largest input the importer takes: an image classifier's, with room to spare. */
    static final int MAX_CHANNELS = 4;
    static final int MAX_SIDE = 16384;
    /** The operators the importer turns into DL4J layers. */
    public static final List<String> SUPPORTED = List.of("CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "AVERAGE_POOL_2D",
            "MAX_POOL_2D", "RESHAPE", "SOFTMAX", "QUANTIZE", "DEQUANTIZE");

    private final TfliteModel model;
    private final String source;
    private final ComputationGraphConfiguration.GraphBuilder graph;
    /** The DL4J vertex that computes each TFLite tensor. */
    private final Map<Integer, String> vertexOf = new HashMap<>();
    /** Parameters to set once the graph exists: layer → (W, b). */
    private final Map<String, INDArray[]> parameters = new LinkedHashMap<>();
    /** The TFLite tensor each DL4J layer computes, for the shape check. */
    private final Map<String, Integer> tensorOf = new LinkedHashMap<>();

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
        vertexOf.put(input.index(), INPUT);
        List<TfliteOperator> ops = model.operators();
        int outputTensor = model.outputs()[0];
        boolean hasOutput = false;
        int fileClasses = 0;
        boolean dropped = false;
        for (TfliteOperator op : ops) {
            if (op.outputs().length != 1 || op.outputs()[0] < 0) {
                throw unsupported(op, " with " + op.outputs().length + " outputs");
            }
            boolean last = op.outputs()[0] == outputTensor;
            if (last && !op.name().equals("SOFTMAX")) {
                throw new SuiteException(source + ": the output is computed by " + op.name() + ", not SOFTMAX; the "
                        + "importer takes classifiers that end in a softmax");
            }
            try {
                if (last) {
                    int[] logits = shapeOf(op, 0);
                    fileClasses = logits.length == 0 ? 0 : logits[logits.length - 1];
                    dropped = dropBackground && fileClasses == 1001;
                    addOutput(op, dropped);
                    hasOutput = true;
                } else {
                    addOperator(op);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // Geometry the file states that no layer can have (a zero stride, a window larger than its input),
                // refused by SamePadding or by DL4J's own builders.
                throw unsupported(op, " with " + e.getMessage());
            }
        }
        if (!hasOutput) {
            throw new SuiteException(source + ": no operator computes the output tensor " + outputTensor);
        }
        graph.setOutputs(OUTPUT).setInputTypes(InputType.convolutional(s[1], s[2], s[3]));
        ComputationGraphConfiguration conf;
        ComputationGraph net;
        try {
            conf = graph.build();
            checkShapes(conf, InputType.convolutional(s[1], s[2], s[3]));
            net = new ComputationGraph(conf);
            net.init();
        } catch (SuiteException e) {
            throw e;
        } catch (RuntimeException e) {
            // DL4J's own validation of the graph the file describes (shapes that do not connect, and the like).
            throw new SuiteException(source + ": DL4J rejected the imported graph: " + e.getMessage());
        }
        parameters.forEach((layer, wb) -> {
            net.getLayer(layer).setParam("W", wb[0]);
            net.getLayer(layer).setParam("b", wb[1]);
        });
        return new Imported(net, s[1], s[2], s[3], scaling, fileClasses, dropped);
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

    private void addOperator(TfliteOperator op) {
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

    private SuiteException unsupported(TfliteOperator op, String why) {
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
    private int[] shapeOf(TfliteOperator op, int i) {
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

    private void addOutput(TfliteOperator op, boolean dropBackground) {
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
        graph.addLayer(OUTPUT, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(),
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

    /** DL4J's inferred activation shape of every imported layer must be the TFLite tensor's (NHWC → CHW). */
    private void checkShapes(ComputationGraphConfiguration conf, InputType input) {
        Map<String, InputType> types = conf.getLayerActivationTypes(input);
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
