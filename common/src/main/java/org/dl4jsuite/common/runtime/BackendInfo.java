package org.dl4jsuite.common.runtime;

/**
 * Which ND4J backend a run used, and which layer implementations ({@code layers}: "fast", "fast (oneDNN 2.5.2)"
 * or "dl4j"): recorded in config.json and printed at start-up.
 */
public record BackendInfo(String backend, String nativeBuild, String blasVendor, int threads,
                          boolean oneDnn, boolean layerHelpers, String dataType, String layers) {

    /** One line for the console, e.g. "ND4J backend CPU (linux-x86_64-onednn-avx2, oneDNN on), 2 threads, FLOAT". */
    public String summary() {
        String accel = "CPU".equalsIgnoreCase(backend)
                ? (oneDnn ? "oneDNN on" : "oneDNN off") + ", BLAS " + blasVendor
                : "cuDNN helpers " + (layerHelpers ? "on" : "off");
        return "ND4J backend " + backend + " (" + nativeBuild + ", " + accel + "), "
                + threads + " threads, " + dataType + ", layers " + layers;
    }
}
