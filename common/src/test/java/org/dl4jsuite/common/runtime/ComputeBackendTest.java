package org.dl4jsuite.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.junit.jupiter.api.Test;

class ComputeBackendTest {
    @Test
    void cpuRunsTheOneDnnBuildWithDl4jsLayerHelpersSwitchedOn() {
        BackendInfo info = ComputeBackend.initialise(0);
        assertThat(info.backend()).isEqualTo("CPU");
        assertThat(info.nativeBuild()).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(info.oneDnn()).isTrue();
        assertThat(info.layerHelpers()).isTrue();
        assertThat(info.dataType()).isEqualTo("FLOAT");
        assertThat(info.summary()).contains("CPU", "oneDNN on", "FLOAT");
    }

    @Test
    void dl4jsOwnOneDnnCheckSucceedsThroughTheCompatibilityShim() {
        ComputeBackend.initialise(0);
        // Without org.nd4j.nativeblas.Nd4jCpu this reflective check fails in M2.1 and every helper is dropped.
        assertThat(BaseMKLDNNHelper.mklDnnEnabled()).isTrue();
    }
}
