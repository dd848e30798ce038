package org.dl4jsuite.common.shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.report.MarkdownTable;
import org.dl4jsuite.common.report.TextTable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A per-layer summary of a network: input and output shapes per example and parameter counts split into
 * weights (every parameter array except biases) and biases (arrays keyed "b").
 */
public final class ParameterTable {

    private static final String BIAS_KEY = "b";
    private static final String[] HEADERS = {"#", "layer", "type", "input", "output", "weights", "biases", "parameters"};

    /** One layer (or graph vertex): shapes are per example, e.g. {@code 6×24×24}. */
    public record Row(int index, String name, String type, String inputShape, String outputShape,
                      long weights, long biases, long parameters) {}

    private final List<Row> rows;

    private ParameterTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Summarises an initialised network fed with {@code inputType}. The input shape of a layer is what it
     * receives after any DL4J preprocessor (e.g. {@code 256} for a dense layer after a 16×4×4 pooling layer).
     */
    public static ParameterTable of(MultiLayerNetwork network, InputType inputType) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<InputType> outputs = conf.getLayerActivationTypes(inputType);
        Layer[] layers = network.getLayers();
        if (layers == null) {
            throw new IllegalArgumentException("Call network.init() before building its parameter table");
        }
        List<Row> rows = new ArrayList<>();
        InputType previous = inputType;
        for (int i = 0; i < outputs.size(); i++) {
            InputPreProcessor preprocessor = conf.getInputPreProcess(i);
            InputType input = preprocessor == null ? previous : preprocessor.getOutputType(previous);
            org.deeplearning4j.nn.conf.layers.Layer layerConf = conf.getConf(i).getLayer();
            String name = layerConf.getLayerName() != null ? layerConf.getLayerName() : "layer" + i;
            rows.add(row(i, name, layerConf.getClass().getSimpleName(), ShapeText.of(input),
                    ShapeText.of(outputs.get(i)), layers[i].paramTable()));
            previous = outputs.get(i);
        }
        return new ParameterTable(rows);
    }

    /**
     * Summarises an initialised computation graph, one row per vertex in topological order (network inputs
     * excluded); a vertex with several inputs lists their shapes joined by " + ".
     */
    public static ParameterTable of(ComputationGraph graph, InputType... inputTypes) {
        // Shape inference may attach preprocessors and set nIn, so it runs on a copy, never on the live network.
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Map<String, InputType> outputs = conf.getLayerActivationTypes(inputTypes);
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, InputType> entry : outputs.entrySet()) {
            String name = entry.getKey();
            if (conf.getNetworkInputs().contains(name)) {
                continue;
            }
            GraphVertex vertex = conf.getVertices().get(name);
            List<String> inputs = conf.getVertexInputs().get(name);
            String type;
            String inputShape;
            Map<String, INDArray> params;
            if (vertex instanceof LayerVertex) {
                LayerVertex layerVertex = (LayerVertex) vertex;
                type = layerVertex.getLayerConf().getLayer().getClass().getSimpleName();
                InputType input = outputs.get(inputs.get(0));
                InputPreProcessor preprocessor = layerVertex.getPreProcessor();
                inputShape = ShapeText.of(preprocessor == null ? input : preprocessor.getOutputType(input));
                params = graph.getLayer(name).paramTable();
            } else {
                type = vertex.getClass().getSimpleName();
                List<String> shapes = new ArrayList<>();
                for (String in : inputs) {
                    shapes.add(ShapeText.of(outputs.get(in)));
                }
                inputShape = String.join(" + ", shapes);
                params = Map.of();
            }
            rows.add(row(index++, name, type, inputShape, ShapeText.of(entry.getValue()), params));
        }
        return new ParameterTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public long totalWeights() {
        return rows.stream().mapToLong(Row::weights).sum();
    }

    public long totalBiases() {
        return rows.stream().mapToLong(Row::biases).sum();
    }

    public long totalParameters() {
        return rows.stream().mapToLong(Row::parameters).sum();
    }

    /** The table for a console, with a final "total" row. */
    public String render() {
        TextTable table = new TextTable(HEADERS);
        for (Row row : rows) {
            table.row(cells(row));
        }
        table.row(totalCells());
        return table.toString();
    }

    /** The table as markdown, with a final "total" row. */
    public String toMarkdown() {
        MarkdownTable table = new MarkdownTable(HEADERS);
        for (Row row : rows) {
            table.row(cells(row));
        }
        table.row(totalCells());
        return table.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static Row row(int index, String name, String type, String input, String output,
                           Map<String, INDArray> params) {
        long weights = 0;
        long biases = 0;
        for (Map.Entry<String, INDArray> param : params.entrySet()) {
            if (BIAS_KEY.equals(param.getKey())) {
                biases += param.getValue().length();
            } else {
                weights += param.getValue().length();
            }
        }
        return new Row(index, name, type, input, output, weights, biases, weights + biases);
    }

    private static Object[] cells(Row row) {
        return new Object[] {row.index(), row.name(), row.type(), row.inputShape(), row.outputShape(),
                row.weights(), row.biases(), row.parameters()};
    }

    private Object[] totalCells() {
        return new Object[] {null, "total", "", "", "", totalWeights(), totalBiases(), totalParameters()};
    }
}
