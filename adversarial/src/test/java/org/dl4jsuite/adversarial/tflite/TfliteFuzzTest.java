package org.dl4jsuite.adversarial.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes given as a .tflite file are either imported or refused with the suite's one user error: no other
 * exception, no Error. Under {@code mvn verify} the committed inputs in TfliteFuzzTestInputs/ are replayed; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes (see the README's reliability section).
 */
class TfliteFuzzTest {

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
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
