package org.dl4jsuite.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.ReadOrRefuse;
import org.dl4jsuite.common.TestResources;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes given as a model zip (or a checkpoint's model.zip, which resume loads with its updater state) are
 * either loaded as the network and metadata they declare or refused with the suite's one user error. Replays
 * ModelFileFuzzTestInputs/ (a suite model zip as written, the same repacked uncompressed so that mutations reach
 * its JSON and arrays, and every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class ModelFileFuzzTest {

    @BeforeAll
    static void backend() throws Exception {
        ComputeBackend.initialise(0);
        // DL4J's classes load (and are instrumented) on the first load: not inside the fuzzer's one second per input.
        ModelFile.loadMultiLayer(TestResources.path(ModelFileFuzzTest.class,
                "ModelFileFuzzTestInputs/loadsOrRefuses/suite-model.zip"), "test", true);
    }

    @FuzzTest(maxDuration = "10m")
    void loadsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".zip", file -> {
            ModelMetadata metadata = ModelFile.readMetadata(file);
            MultiLayerNetwork net = ModelFile.loadMultiLayer(file, metadata.module(), true);
            assertThat(net.params().length()).isEqualTo(net.numParams());
        });
    }
}
