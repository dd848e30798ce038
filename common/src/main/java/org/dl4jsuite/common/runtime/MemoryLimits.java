package org.dl4jsuite.common.runtime;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Pointer;

/**
 * The suite's two memory limits and what to say when a run reaches one: the Java heap ({@code -Xmx}, set by
 * {@code ./suite} from {@value #HEAP_VARIABLE}) and the off-heap bytes JavaCPP tracks ({@code
 * -Dorg.bytedeco.javacpp.maxbytes}, from {@value #OFF_HEAP_VARIABLE}: oneDNN's buffers, workspaces and weight copies).
 * Running out of either is an {@link OutOfMemoryError}; {@link #explain} turns it into one line naming the setting to
 * raise and by how much.
 */
public final class MemoryLimits {
    /** The launcher's environment variable for the Java heap limit (e.g. 8g). */
    public static final String HEAP_VARIABLE = "DL4J_SUITE_HEAP";
    /** The launcher's environment variable for the off-heap limit (e.g. 12G). */
    public static final String OFF_HEAP_VARIABLE = "DL4J_SUITE_OFFHEAP";

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final Pattern JAVACPP_LIMIT = Pattern.compile(
            "totalBytes \\((\\w+) \\+ (\\w+)\\) > maxBytes \\((\\w+)\\)");

    private MemoryLimits() {
    }

    /** One line for {@code error} if it, or one of its causes, is running out of memory; empty otherwise. */
    public static Optional<String> explain(Throwable error) {
        OutOfMemoryError first = null;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                // JavaCPP reports its bound as the cause of "Cannot allocate new BytePointer(...)": the cause names it.
                if (oom.getMessage() != null && JAVACPP_LIMIT.matcher(oom.getMessage()).find()) {
                    return Optional.of(explain(oom));
                }
                first = first == null ? oom : first;
            }
        }
        return Optional.ofNullable(first).map(MemoryLimits::explain);
    }

    private static String explain(OutOfMemoryError oom) {
        String message = oom.getMessage() == null ? "" : oom.getMessage();
        Matcher limit = JAVACPP_LIMIT.matcher(message);
        if (limit.find()) {
            long inUse = Pointer.parseBytes(limit.group(1), 0);
            long asked = Pointer.parseBytes(limit.group(2), 0);
            long max = Pointer.parseBytes(limit.group(3), 0);
            return String.format(Locale.ROOT, "out of off-heap memory: the run asked for %s more with %s of its %s "
                            + "off-heap limit in use (JavaCPP's maxbytes: oneDNN's buffers). Give it more, e.g. %s=%dG "
                            + "./suite ... (or -Dorg.bytedeco.javacpp.maxbytes=%dG in JAVA_OPTS), or use a smaller "
                            + "--batch-size", size(asked), size(inUse), size(max), OFF_HEAP_VARIABLE,
                    suggestedGib(inUse + asked), suggestedGib(inUse + asked));
        }
        if (message.startsWith("Physical memory usage is too high")) {
            return "out of memory: the process's resident memory passed JavaCPP's maxphysicalbytes (" + message
                    + "). Raise -Dorg.bytedeco.javacpp.maxphysicalbytes, or set it to 0 as ./suite does";
        }
        long heap = Runtime.getRuntime().maxMemory();
        return String.format(Locale.ROOT, "out of Java heap memory (%s; the limit is %s). Give it more, e.g. %s=%dg "
                        + "./suite ... (or -Xmx%dg in JAVA_OPTS), or use a smaller --batch-size",
                message.isEmpty() ? "OutOfMemoryError" : message, size(heap), HEAP_VARIABLE, suggestedGib(heap),
                suggestedGib(heap));
    }

    /** Whole GiB half as much again as {@code bytes}, and at least one more than it. */
    static long suggestedGib(long bytes) {
        double gib = bytes / GIB;
        return (long) Math.max(Math.ceil(gib * 1.5), Math.floor(gib) + 1);
    }

    private static String size(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
        }
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%,.0f KiB", bytes / 1024.0);
    }
}
