package org.dl4jsuite.common.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * Memory in MiB: the process's resident memory outside the Java heap (ND4J's array buffers and workspaces,
 * which JavaCPP's own counters do not see on the CPU backend), JavaCPP's physical-bytes figure, the RSS and the
 * Java heap in use.
 */
public final class MemoryFigures {
    private static final double MIB = 1024.0 * 1024.0;

    private MemoryFigures() {
    }

    /**
     * offheap_mib ({@link #offHeapMib()}), physical_mib (Pointer.physicalBytes), rss_mib (/proc/self/status;
     * NaN where there is none, and then offheap_mib too), heap_mib (in use).
     */
    public static Map<String, Double> now() {
        Runtime runtime = Runtime.getRuntime();
        double rss = residentSetMib();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / MIB;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("offheap_mib", Math.max(0, rss - heap));
        figures.put("physical_mib", Pointer.physicalBytes() / MIB);
        figures.put("rss_mib", rss);
        figures.put("heap_mib", heap);
        return figures;
    }

    /**
     * The process's resident memory outside the Java heap, approximately: RSS minus the heap in use (NaN without
     * /proc). ND4J's buffers and workspaces dominate it; the JVM's own native memory (code, metaspace, GC
     * tables: 100–200 MiB) is in it too, and so are heap pages once touched and since freed.
     */
    public static double offHeapMib() {
        Runtime runtime = Runtime.getRuntime();
        return Math.max(0, residentSetMib() - (runtime.totalMemory() - runtime.freeMemory()) / MIB);
    }

    /** The process's resident set (VmRSS of /proc/self/status), NaN without /proc. */
    public static double residentSetMib() {
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
