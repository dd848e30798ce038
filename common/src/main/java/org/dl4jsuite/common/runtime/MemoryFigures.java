package org.dl4jsuite.common.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/** Memory in MiB for the flat-memory check: JavaCPP's off-heap bytes (ND4J buffers), physical bytes, process RSS and Java heap. */
public final class MemoryFigures {
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryFigures() {
    }

    /** offheap_mib (Pointer.totalBytes), physical_mib (Pointer.physicalBytes), rss_mib (/proc/self/status, NaN elsewhere), heap_mib. */
    public static Map<String, Double> now() {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("offheap_mib", Pointer.totalBytes() / MIB);
        figures.put("physical_mib", Pointer.physicalBytes() / MIB);
        figures.put("rss_mib", residentSetMib());
        figures.put("heap_mib", (runtime.totalMemory() - runtime.freeMemory()) / MIB);
        return figures;
    }

    private static double residentSetMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** "offheap 1,234 MiB, physical …" for the console. */
    public static String describe(java.util.Map<String, Double> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
                .append(k.replace("_mib", "")).append(String.format(" %,.0f MiB", v)));
        return out.toString();
    }
}
