package org.dl4jsuite.common.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.dl4jsuite.common.onednn.OneDnn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J the way every command in the suite wants it: float32, DL4J's native layer helpers
 * on (oneDNN on CPU, cuDNN on CUDA), the requested thread count; and describes the backend it got.
 */
public final class ComputeBackend {
    /** DL4J's switch for its oneDNN/cuDNN layer helpers; M2.1 defaults it to "disabled". */
    static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private ComputeBackend() {
    }

    /**
     * Initialises ND4J once. {@code threads <= 0} keeps ND4J's own choice (all cores). Returns the
     * description that commands print and record in config.json.
     */
    public static synchronized BackendInfo initialise(int threads) {
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
        loadQuietly();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
        return describe();
    }

    /**
     * Loads ND4J's backend. With the CUDA backend on the classpath but no NVIDIA driver, ND4J prints a
     * long UnsatisfiedLinkError trace before falling back to the CPU; that is replaced by one line.
     */
    private static void loadQuietly() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Nd4j.getBackend();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        if (text.contains("libcuda.so") && !"CUDA".equalsIgnoreCase(describe().backend())) {
            original.println("no NVIDIA driver found (libcuda.so.1 missing): using the CPU backend");
        } else {
            original.print(text);
        }
    }

    /** What ND4J is running on right now. */
    public static BackendInfo describe() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault("backend", "unknown"));
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        int threads = Nd4j.getEnvironment().maxThreads();
        boolean oneDnn = false;
        if ("CPU".equalsIgnoreCase(backend)) {
            // The switch alone says nothing: builds without oneDNN report it on too. Ask the build.
            oneDnn = org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN()
                    && org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo()
                    .toUpperCase(java.util.Locale.ROOT).contains("ONEDNN");
        }
        boolean helpers = !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"));
        return new BackendInfo(backend, nativeBuild(backend), blas, threads, oneDnn, helpers,
                Nd4j.dataType().toString(), layers());
    }

    /** The layer implementations in force, with the oneDNN version the fast layers call (or why they cannot). */
    private static String layers() {
        LayerImplementation impl = LayerImplementation.current();
        if (impl != LayerImplementation.FAST) {
            return impl.option();
        }
        return OneDnn.available() ? "fast (oneDNN " + OneDnn.version() + ")" : "fast (" + OneDnn.unavailableReason() + ")";
    }

    /** The javacpp platform directory ND4J's native library was loaded from, e.g. linux-x86_64-onednn-avx2. */
    private static String nativeBuild(String backend) {
        String resource = "CPU".equalsIgnoreCase(backend)
                ? "org/nd4j/linalg/cpu/nativecpu/bindings/"
                : "org/nd4j/linalg/jcublas/bindings/";
        String platform = System.getProperty("org.bytedeco.javacpp.platform", "linux-x86_64");
        for (String extension : new String[] {"-onednn-avx512", "-onednn-avx2", "-onednn", "-avx512", "-avx2", "-cudnn", "-compat", ""}) {
            if (ComputeBackend.class.getClassLoader().getResource(resource + platform + extension + "/") != null) {
                return platform + extension;
            }
        }
        return platform;
    }
}
