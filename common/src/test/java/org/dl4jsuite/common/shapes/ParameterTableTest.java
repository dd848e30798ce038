package org.dl4jsuite.common.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.shapes.ParameterTable.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class ParameterTableTest {

    private static final InputType MNIST = InputType.convolutionalFlat(28, 28, 1);
    private static ParameterTable lenet;

    @BeforeAll
    static void buildLeNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(MNIST)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        lenet = ParameterTable.of(net, MNIST);
    }

    @Test
    void leNetRowsHaveShapesAndCounts() {
        assertThat(lenet.rows()).containsExactly(
                new Row(0, "layer0", "ConvolutionLayer", "1×28×28", "6×24×24", 150, 6, 156),
                new Row(1, "layer1", "SubsamplingLayer", "6×24×24", "6×12×12", 0, 0, 0),
                new Row(2, "layer2", "ConvolutionLayer", "6×12×12", "16×8×8", 2400, 16, 2416),
                new Row(3, "layer3", "SubsamplingLayer", "16×8×8", "16×4×4", 0, 0, 0),
                new Row(4, "layer4", "DenseLayer", "256", "120", 30720, 120, 30840),
                new Row(5, "layer5", "DenseLayer", "120", "84", 10080, 84, 10164),
                new Row(6, "layer6", "OutputLayer", "84", "10", 840, 10, 850));
        assertThat(lenet.totalParameters()).isEqualTo(44_426);
        assertThat(lenet.totalWeights()).isEqualTo(44_190);
        assertThat(lenet.totalBiases()).isEqualTo(236);
    }

    @Test
    void consoleTableShowsEveryRowAndTheTotal() {
        assertThat(lenet.render()).isEqualTo(
                "#  layer   type              input    output   weights  biases  parameters\n"
              + "-  ------  ----------------  -------  -------  -------  ------  ----------\n"
              + "0  layer0  ConvolutionLayer  1×28×28  6×24×24      150       6         156\n"
              + "1  layer1  SubsamplingLayer  6×24×24  6×12×12        0       0           0\n"
              + "2  layer2  ConvolutionLayer  6×12×12  16×8×8     2,400      16       2,416\n"
              + "3  layer3  SubsamplingLayer  16×8×8   16×4×4         0       0           0\n"
              + "4  layer4  DenseLayer        256      120       30,720     120      30,840\n"
              + "5  layer5  DenseLayer        120      84        10,080      84      10,164\n"
              + "6  layer6  OutputLayer       84       10           840      10         850\n"
              + "   total                                        44,190     236      44,426\n");
    }

    @Test
    void markdownTableHasTheSameNumbers() {
        assertThat(lenet.toMarkdown()).isEqualTo(
                "|   # | layer  | type             | input   | output  | weights | biases | parameters |\n"
              + "| --: | ------ | ---------------- | ------- | ------- | ------: | -----: | ---------: |\n"
              + "|   0 | layer0 | ConvolutionLayer | 1×28×28 | 6×24×24 |     150 |      6 |        156 |\n"
              + "|   1 | layer1 | SubsamplingLayer | 6×24×24 | 6×12×12 |       0 |      0 |          0 |\n"
              + "|   2 | layer2 | ConvolutionLayer | 6×12×12 | 16×8×8  |   2,400 |     16 |      2,416 |\n"
              + "|   3 | layer3 | SubsamplingLayer | 16×8×8  | 16×4×4  |       0 |      0 |          0 |\n"
              + "|   4 | layer4 | DenseLayer       | 256     | 120     |  30,720 |    120 |     30,840 |\n"
              + "|   5 | layer5 | DenseLayer       | 120     | 84      |  10,080 |     84 |     10,164 |\n"
              + "|   6 | layer6 | OutputLayer      | 84      | 10      |     840 |     10 |        850 |\n"
              + "|     | total  |                  |         |         |  44,190 |    236 |     44,426 |\n");
    }

    @Test
    void computationGraphRowsFollowTopologicalOrderIncludingNonLayerVertices() {
        InputType input = InputType.convolutional(28, 28, 1);
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .graphBuilder()
                .addInputs("image")
                .addLayer("conv", new ConvolutionLayer.Builder(5, 5).nOut(6).activation(Activation.RELU).build(), "image")
                .addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build(), "conv")
                .addLayer("left", new DenseLayer.Builder().nOut(20).build(), "pool")
                .addLayer("right", new DenseLayer.Builder().nOut(30).build(), "pool")
                .addVertex("merge", new MergeVertex(), "left", "right")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "merge")
                .setOutputs("out")
                .setInputTypes(input)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();

        ParameterTable table = ParameterTable.of(graph, input);

        List<Row> rows = table.rows();
        assertThat(rows).extracting(Row::name).containsSubsequence("conv", "pool", "left", "merge", "out");
        assertThat(rows).extracting(Row::name).containsSubsequence("pool", "right", "merge");
        assertThat(rows).filteredOn(r -> r.name().equals("conv")).singleElement()
                .isEqualTo(new Row(0, "conv", "ConvolutionLayer", "1×28×28", "6×24×24", 150, 6, 156));
        assertThat(rows).filteredOn(r -> r.name().equals("left")).singleElement()
                .extracting(Row::type, Row::inputShape, Row::outputShape, Row::weights, Row::biases)
                .containsExactly("DenseLayer", "864", "20", 864L * 20, 20L);
        assertThat(rows).filteredOn(r -> r.name().equals("merge")).singleElement()
                .extracting(Row::type, Row::inputShape, Row::outputShape, Row::parameters)
                .containsExactly("MergeVertex", "20 + 30", "50", 0L);
        assertThat(rows).filteredOn(r -> r.name().equals("out")).singleElement()
                .extracting(Row::inputShape, Row::parameters).containsExactly("50", 510L);
        assertThat(table.totalParameters()).isEqualTo(graph.numParams());
        assertThat(rows).extracting(Row::index).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
