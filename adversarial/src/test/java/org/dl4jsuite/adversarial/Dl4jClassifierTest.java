package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Dl4jClassifier;
import org.dl4jsuite.common.classifier.Classifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Input gradients from DL4J's backprop are those of the inference function (dropout off). */
class Dl4jClassifierTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    static double crossEntropy(Classifier model, INDArray x, int label) {
        return -Math.log(model.probabilities(x).getDouble(0, label));
    }

    @Test
    void graphInputGradientMatchesFiniteDifferencesDespiteDropout() {
        ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("h", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).dropOut(0.5).build(), "in")
                .addLayer("z", new DenseLayer.Builder().nIn(6).nOut(3).activation(Activation.IDENTITY).build(), "h")
                .addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), "z")
                .setOutputs("out").build());
        net.init();
        Classifier model = Dl4jClassifier.of(net, List.of("a", "b", "c"));
        // A second classifier of the same network must not take the first one's gradient listener away
        // (ComputationGraph.clone shares its listener list with the original).
        Classifier other = Dl4jClassifier.of(net, List.of("a", "b", "c"));
        INDArray x = Nd4j.create(new double[][] {{0.2, 0.7, 0.1, 0.9}});
        INDArray y = PixelBall.oneHot(new int[] {1}, 3).castTo(DataType.DOUBLE);
        INDArray g = model.lossGradient(x, y);
        INDArray again = model.lossGradient(x, y);
        assertThat(other.lossGradient(x, y).equalsWithEps(g, 1e-12)).isTrue();
        assertThat(g.equalsWithEps(again, 0)).as("deterministic: no dropout").isTrue();
        double h = 1e-6;
        for (int k = 0; k < 4; k++) {
            INDArray plus = x.dup();
            plus.putScalar(0, k, x.getDouble(0, k) + h);
            INDArray minus = x.dup();
            minus.putScalar(0, k, x.getDouble(0, k) - h);
            double numeric = (crossEntropy(model, plus, 1) - crossEntropy(model, minus, 1)) / (2 * h);
            assertThat(g.getDouble(0, k)).as("d/dx%d", k).isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
        }
        // The original network keeps its dropout for training.
        assertThat(net.getLayer("h").conf().getLayer().getIDropout()).isNotNull();
    }

    @Test
    void alexNetGradientIsTheDirectionalDerivative() {
        ComputationGraph net = TorchAlexNetWeights.load(TorchAlexNetWeightsTest.fixture("weights.npz"),
                TorchAlexNetWeightsTest.FIXTURE);
        Classifier model = Dl4jClassifier.of(net, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 127, 127);
        INDArray g = model.lossGradient(x, PixelBall.oneHot(new int[] {2}, 10));
        assertThat(g.shape()).containsExactly(1, 3, 127, 127);
        INDArray d = g.div(g.norm2Number());
        double h = 1e-2;
        double numeric = (crossEntropy(model, x.add(d.mul(h)), 2) - crossEntropy(model, x.sub(d.mul(h)), 2)) / (2 * h);
        double analytic = g.norm2Number().doubleValue();
        assertThat(numeric).isCloseTo(analytic, within(0.05 * analytic));
        assertThat(Transforms.abs(g).sumNumber().doubleValue()).isGreaterThan(0);
    }

    @Test
    void onePassGivesTheProbabilitiesAndTheGradientOfSeparatePasses() {
        ComputationGraph graph = TorchAlexNetWeights.load(TorchAlexNetWeightsTest.fixture("weights.npz"),
                TorchAlexNetWeightsTest.FIXTURE);
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 127, 127);
        INDArray y = PixelBall.oneHot(new int[] {2, 5}, 10);
        assertOnePassEqualsTwo(Dl4jClassifier.of(graph, classes), x, y);

        MultiLayerNetwork lenet = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .build());
        lenet.init();
        assertOnePassEqualsTwo(Dl4jClassifier.of(lenet, List.of("a", "b", "c")), Nd4j.rand(DataType.FLOAT, 3, 4),
                PixelBall.oneHot(new int[] {0, 1, 2}, 3));
    }

    private static void assertOnePassEqualsTwo(Classifier model, INDArray x, INDArray y) {
        Classifier.ProbabilitiesAndGradient pass = model.probabilitiesAndGradient(x, y);
        // The one pass runs the frozen graph, whose every convolution is oneDNN's; the separate pass runs DL4J's own
        // for AlexNet's 1x1 normalisation: the two differ by float rounding (1.2e-6 at most, measured), not more.
        assertThat(pass.probabilities().equalsWithEps(model.probabilities(x), 1e-5)).isTrue();
        assertThat(pass.gradient().equalsWithEps(model.lossGradient(x, y), 1e-6)).isTrue();
        assertThat(pass.probabilities().sum(1).getDouble(0)).isCloseTo(1.0, within(1e-5));
    }
}
