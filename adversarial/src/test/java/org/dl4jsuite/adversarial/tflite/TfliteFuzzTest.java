package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes given as a .tflite file are either imported or refused with the suite's one user error: no other
 * exception, no Error. Under {@code mvn verify} the committed inputs in TfliteFuzzTestInputs/ are replayed; with
 * {@code ./fuzz} fuzzes (see the README's reliability section).
 */
class TfliteFuzzTest {

    @BeforeAll
    static void backend() throws Exception {
        ComputeBackend.initialise(0);
        // DL4J's graph classes load (and are instrumented) on the first import: not inside the one second per input.
        byte[] seed = java.nio.file.Files.readAllBytes(TestResources.path(TfliteFuzzTest.class,
                "TfliteFuzzTestInputs/importsOrRefuses/depthwise-pool-reshape-softmax.tflite"));
        TfliteImporter.importModel(TfliteReader.parse(ByteBuffer.wrap(seed), "seed.tflite"), true);
    }

    @FuzzTest(maxDuration = "10m")
    void importsOrRefuses(byte[] bytes) {
        try {
            TfliteModel model = TfliteReader.parse(ByteBuffer.wrap(bytes), "fuzz.tflite");
            TfliteImporter.importModel(model, true);
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
