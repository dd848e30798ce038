package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Any bytes given as a .tflite file are either imported as a valid classifier (checked below) or refused with the
 * suite's one user error: no other exception, no Error. Under {@code mvn verify} the committed inputs in
 * TfliteFuzzTestInputs/ are replayed; with {@code ./fuzz} fuzzes (see the README's reliability section).
 */
class TfliteFuzzTest {
    /** Inputs up to this many values are run through the network; larger ones (up to 4 × 16384²) only shape-checked. */
    private static final long RUN_AT_MOST = 64 * 64 * 4;

    @BeforeAll
    static void backend() throws Exception {
        ComputeBackend.initialise(0);
        // DL4J's graph classes load (and are instrumented) on the first import: not inside the one second per input.
        byte[] seed = java.nio.file.Files.readAllBytes(TestResources.path(TfliteFuzzTest.class,
                "TfliteFuzzTestInputs/importsOrRefuses/depthwise-pool-reshape-softmax.tflite"));
        assertValid(TfliteImporter.importModel(TfliteReader.parse(ByteBuffer.wrap(seed), "seed.tflite"), true));
    }

    @FuzzTest(maxDuration = "10m")
    void importsOrRefuses(byte[] bytes) {
        TfliteImporter.Imported imported;
        try {
            imported = TfliteImporter.importModel(TfliteReader.parse(ByteBuffer.wrap(bytes), "fuzz.tflite"), true);
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertValid(imported);
    }

    /**
     * An import is an image classifier as its facts say: an image input within the importer's limits, one scale per
     * channel, and an output of {@code classes()} probabilities per image, which (for a small input, run through
     * it) are non-negative and sum to 1 unless the file's own weights already made a layer before the softmax
     * non-finite.
     */
    private static void assertValid(TfliteImporter.Imported imported) {
        int c = imported.channels();
        int h = imported.height();
        int w = imported.width();
        assertThat(c).isBetween(1, TfliteImporter.MAX_CHANNELS);
        assertThat(h).isBetween(1, TfliteImporter.MAX_SIDE);
        assertThat(w).isBetween(1, TfliteImporter.MAX_SIDE);
        assertThat(imported.classes()).isPositive();
        assertThat(imported.scaling().scale()).hasSize(c);
        ComputationGraph graph = imported.graph();
        assertThat(graph.getConfiguration().getNetworkInputs()).containsExactly(TfliteImporter.INPUT);
        assertThat(graph.getConfiguration().getNetworkOutputs()).containsExactly(TfliteImporter.OUTPUT);
        // The softmax output layer has no size of its own: the logits it reads have one per class.
        String logits = graph.getConfiguration().getVertexInputs().get(TfliteImporter.OUTPUT).get(0);
        InputType out = graph.getConfiguration().getLayerActivationTypes(InputType.convolutional(h, w, c)).get(logits);
        assertThat(out.arrayElementsPerExample()).as("the logits' size, %s", out).isEqualTo(imported.classes());
        if ((long) c * h * w > RUN_AT_MOST) {
            return;
        }
        INDArray pixels = imported.scaling().apply(Nd4j.valueArrayOf(new long[] {2, c, h, w}, 0.5f));
        Map<String, INDArray> activations = graph.feedForward(pixels, false);
        INDArray p = activations.get(TfliteImporter.OUTPUT);
        assertThat(p.shape()).containsExactly(2, imported.classes());
        if (finite(p)) {
            assertThat(p.minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(p.sum(1).toDoubleVector()).as("each image's probabilities summed").containsOnly(new double[] {1.0}, Offset.offset(1e-4));
        } else {
            // A softmax of finite logits is finite: the non-finite values must come from before it.
            assertThat(activations.entrySet()).as("a non-finite layer before the softmax")
                    .anySatisfy(e -> assertThat(!e.getKey().equals(TfliteImporter.OUTPUT) && !finite(e.getValue())).isTrue());
        }
    }

    private static boolean finite(INDArray a) {
        return !a.isNaN().any() && !a.isInfinite().any();
    }
}
