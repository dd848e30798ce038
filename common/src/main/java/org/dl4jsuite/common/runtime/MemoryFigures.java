package org.dl4jsuite.common.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final double PAGE_KIB = pageKib();

    private MemoryFigures() {
    }

    /**
     * offheap_mib ({@link #offHeapMib()}), physical_mib (Pointer.physicalBytes), rss_mib (/proc/self/statm;
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

    /**
     * The process's resident set, NaN without /proc. It reads /proc/self/statm (one short line, a few dozen
     * bytes) rather than /proc/self/status (some 55 lines), since the training loop asks once per step.
     */
    public static double residentSetMib() {
        try {
            return residentPages(Files.readAllBytes(STATM)) * PAGE_KIB / 1024.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The second field of a statm line: the resident pages. */
    static long residentPages(byte[] statm) {
        int i = 0;
        while (i < statm.length && statm[i] != ' ') {
            i++;
        }
        long pages = 0;
        int digits = 0;
        for (i++; i < statm.length && statm[i] >= '0' && statm[i] <= '9'; i++, digits++) {
            pages = pages * 10 + (statm[i] - '0');
        }
        if (digits == 0) {
            throw new IllegalArgumentException("not a statm line: " + new String(statm, StandardCharsets.US_ASCII));
        }
        return pages;
    }

    /**
     * The page size in KiB (statm counts pages; Java has no public call for the size): VmRSS of /proc/self/status,
     * in kB, over statm's resident pages, rounded to a power of two; NaN without /proc.
     */
    private static double pageKib() {
        try {
            long kib = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            long pages = residentPages(Files.readAllBytes(STATM));
            if (kib <= 0 || pages <= 0) {
                return Double.NaN;
            }
            return Math.pow(2, Math.round(Math.log((double) kib / pages) / Math.log(2)));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** "offheap 1,234 MiB, physical …" for the console. */
    public static String describe(java.util.Map<String, Double> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ")
                .append(k.replace("_mib", "")).append(String.format(" %,.0f MiB", v)));
        return out.toString();
    }
}
