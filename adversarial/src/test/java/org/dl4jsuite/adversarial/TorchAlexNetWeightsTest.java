package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.io.NpzFile;
import org.dl4jsuite.common.io.TorchCheckpoint;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The PyTorch import, proved on a narrow AlexNet written by reference/make_import_fixture.py. */
class TorchAlexNetWeightsTest {
    /** The fixture's architecture, as in make_import_fixture.py. */
    static final AlexNetConfig FIXTURE = new AlexNetConfig(127, List.of(8, 16, 24, 16, 16), 32, 10, 3, 0.5);

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    static Path fixture(String name) {
        return TestResources.path(TorchAlexNetWeightsTest.class, "/alexnet-fixture/" + name);
    }

    @Test
    void logitsMatchPyTorch() throws Exception {
        ComputationGraph net = TorchAlexNetWeights.load(fixture("weights.npz"), FIXTURE);
        Map<String, INDArray> io = NpzFile.read(fixture("io.npz"));
        INDArray input = io.get("input");
        INDArray expected = io.get("logits");
        assertThat(input.shape()).containsExactly(2, 3, 127, 127);
        INDArray logits = AlexNetModel.logits(net, input);
        assertThat(logits.shape()).containsExactly(2, 10);
        double maxDiff = logits.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff).as("max |DL4J - PyTorch| over %s", expected).isLessThan(1e-4);
        // The probabilities are the softmax of those logits, and the two examples are told apart.
        INDArray probabilities = net.outputSingle(false, input);
        assertThat(probabilities.sum(1).getDouble(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(logits.getRow(0).sub(logits.getRow(1)).amaxNumber().doubleValue()).isGreaterThan(0.1);
    }

    @Test
    void swappedFlattenOrderWouldBeCaught() throws Exception {
        // Permuting fc6's input rows as if DL4J flattened H·W·C instead of C·H·W changes the logits.
        Map<String, INDArray> arrays = TorchAlexNetWeights.read(fixture("weights.npz"));
        INDArray w = arrays.get("classifier.1.weight"); // [32, 16·3·3]
        INDArray hwc = w.reshape(32, 16, 3, 3).permute(0, 2, 3, 1).dup('c').reshape(32, 144);
        arrays.put("classifier.1.weight", hwc);
        ComputationGraph net = AlexNetModel.build(FIXTURE, 0);
        TorchAlexNetWeights.assign(arrays, net, fixture("weights.npz"));
        Map<String, INDArray> io = NpzFile.read(fixture("io.npz"));
        INDArray input = io.get("input");
        INDArray expected = io.get("logits");
        assertThat(AlexNetModel.logits(net, input).sub(expected).amaxNumber().doubleValue()).isGreaterThan(1e-2);
    }

    @Test
    void missingOrMisshapedArraysNameTheKeyAndShapes() {
        Map<String, INDArray> arrays = TorchAlexNetWeights.read(fixture("weights.npz"));
        arrays.remove("features.8.bias");
        ComputationGraph net = AlexNetModel.build(FIXTURE, 0);
        assertThatThrownBy(() -> TorchAlexNetWeights.assign(arrays, net, Path.of("w.npz")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("no array 'features.8.bias'")
                .hasMessageContaining("[16]");
        Map<String, INDArray> wrong = TorchAlexNetWeights.read(fixture("weights.npz"));
        wrong.put("classifier.6.weight", Nd4j.zeros(11, 32));
        assertThatThrownBy(() -> TorchAlexNetWeights.assign(wrong, net, Path.of("w.npz")))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("'classifier.6.weight' has shape [11, 32], expected [10, 32]");
        assertThatThrownBy(() -> TorchAlexNetWeights.read(Path.of("no-such.npz")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("not found");
    }

    @Test
    void adaptivePoolIsIdentityAt224AndRefusesOddMaps() {
        assertThat(AlexNetModel.featureMapSize(224)).isEqualTo(6);
        assertThat(AlexNetModel.featureMapSize(127)).isEqualTo(3);
        assertThatThrownBy(() -> AlexNetModel.configuration(
                new AlexNetConfig(200, List.of(8, 8, 8, 8, 8), 8, 10, 6, 0.5), 1))
                .isInstanceOf(SuiteException.class).hasMessageContaining("input 200 gives 5×5");
    }

    /** The .pth fixtures of reference/make_pth_fixtures.py: a narrow AlexNet with 1000 classes, 224 input. */
    static Path pth(String name) {
        return TestResources.path(TorchAlexNetWeightsTest.class, "/alexnet-pth/" + name);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"alexnet-narrow.pth,narrow", "alexnet-narrow-legacy.pth,narrow",
        "alexnet-narrow-f16.pth,f16"})
    void pytorchCheckpointsGivePyTorchsLogitsOnAPhoto(String file, String logitsKey) {
        AlexNetConfig config = TorchAlexNetWeights.configOf(pth(file));
        assertThat(config).isEqualTo(new AlexNetConfig(224, List.of(8, 16, 24, 16, 16), 16, 1000, 6, 0.5));
        ComputationGraph net = TorchAlexNetWeights.load(pth(file), config);
        INDArray photo = ImageNetPreprocessor.forCrop(ImageNetPreprocessor.Resize.DIRECT, 224).read(pth("photo.png"));
        INDArray expected = NpzFile.read(pth("logits.npz")).get(logitsKey);
        INDArray logits = AlexNetModel.logits(net, photo);
        assertThat(logits.shape()).containsExactly(1, 1000);
        assertThat(logits.sub(expected).amaxNumber().doubleValue()).as(file).isLessThan(1e-4);
    }

    @Test
    void aCheckpointThatIsNotTorchvisionsLayoutNamesTheKey() {
        Map<String, long[]> shapes = new java.util.LinkedHashMap<>(TorchCheckpoint.shapes(pth("alexnet-narrow.pth")));
        shapes.remove("features.8.weight");
        assertThatThrownBy(() -> TorchAlexNetWeights.configOf(shapes, Path.of("x.pth")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("no tensor 'features.8.weight'")
                .hasMessageContaining("torchvision's AlexNet");
        shapes.put("features.8.weight", new long[] {16, 24, 3, 3});
        shapes.put("classifier.1.weight", new long[] {16, 100});
        assertThatThrownBy(() -> TorchAlexNetWeights.configOf(shapes, Path.of("x.pth")))
                .isInstanceOf(SuiteException.class).hasMessageContaining("takes 100 inputs");
    }
}
