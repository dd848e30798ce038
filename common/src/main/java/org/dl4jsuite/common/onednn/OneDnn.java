package org.dl4jsuite.common.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;
import static org.bytedeco.dnnl.global.dnnl.dnnl_version;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.javacpp.Loader;
import org.dl4jsuite.common.runtime.LayerImplementation;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's oneDNN (JavaCPP's {@code org.bytedeco:dnnl} build, not the copy linked privately into
 * libnd4jcpu.so): one CPU engine and one in-order stream, created on first use, on the CPU backend only.
 *
 * <p>ND4J is loaded first, so that its OpenMP runtime (libgomp.so.1, which JavaCPP registers as
 * "gomp@.1") is the one libdnnl.so.2 binds to; JavaCPP then skips the dnnl jar's own libgomp, and the
 * process has exactly one OpenMP runtime. On any other backend (CUDA), and with {@code --impl dl4j},
 * nothing here is loaded and {@link #available()} is false, so the layers are DL4J's own.
 */
public final class OneDnn {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);
    private static OneDnn instance;
    private static String unavailableReason;

    private final dnnl_engine engine;
    private final dnnl_stream stream;
    private final String version;

    private OneDnn(dnnl_engine engine, dnnl_stream stream, String version) {
        this.engine = engine;
        this.stream = stream;
        this.version = version;
    }

    /**
     * Whether the fast layers use oneDNN now: {@code --impl fast}, the CPU backend, the library loaded.
     * Nothing is loaded unless the first two hold.
     */
    public static synchronized boolean available() {
        return wanted(LayerImplementation.current(), Nd4j.getBackend().getClass().getSimpleName()) && get() != null;
    }

    /** Whether oneDNN is to be loaded for {@code impl} on the ND4J backend class named {@code backend}. */
    static boolean wanted(LayerImplementation impl, String backend) {
        return impl == LayerImplementation.FAST && backend.startsWith("CpuBackend");
    }

    /** Why {@link #available()} is false, or null when it is true. */
    public static synchronized String unavailableReason() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        if (LayerImplementation.current() != LayerImplementation.FAST) {
            return "--impl " + LayerImplementation.current().option();
        }
        if (!wanted(LayerImplementation.FAST, backend)) {
            return "ND4J runs on " + backend + ", not the CPU backend";
        }
        return get() == null ? unavailableReason : null;
    }

    /** The loaded oneDNN, or null with {@link #unavailableReason()} set when it cannot be loaded. */
    static synchronized OneDnn get() {
        if (instance == null && unavailableReason == null) {
            try {
                Nd4j.getBackend(); // ND4J's libgomp first (see the class comment)
                Loader.load(org.bytedeco.dnnl.global.dnnl.class);
                dnnl_engine engine = new dnnl_engine();
                check(dnnl_engine_create(engine, dnnl_cpu, 0), "create the CPU engine");
                dnnl_stream stream = new dnnl_stream();
                check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "create a stream");
                dnnl_version_t v = dnnl_version();
                instance = new OneDnn(engine, stream, v.major() + "." + v.minor() + "." + v.patch());
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                unavailableReason = "oneDNN could not be loaded: " + e.getMessage();
                LOG.warn("{}; the layers use DL4J's own implementations", unavailableReason);
            }
        }
        return instance;
    }

    dnnl_engine engine() {
        return engine;
    }

    dnnl_stream stream() {
        return stream;
    }

    /** The loaded oneDNN's version, e.g. "2.5.2" (call when {@link #available()}). */
    public static synchronized String version() {
        OneDnn dnn = get();
        return dnn == null ? "none" : dnn.version;
    }

    /** Throws if a oneDNN call did not succeed; {@code what} says what was being done. */
    static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN could not " + what + " (dnnl_status_t " + status + ")");
        }
    }
}
