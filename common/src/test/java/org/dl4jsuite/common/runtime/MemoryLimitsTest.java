package org.dl4jsuite.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryLimitsTest {
    @Test
    void javacppsLimitNamesTheOffHeapVariableWhatWasAskedAndALargerLimit() {
        // JavaCPP's own message, as Pointer.deallocator throws it (sizes by Pointer.formatBytes).
        OutOfMemoryError oom = new OutOfMemoryError("Failed to allocate memory within limits: totalBytes (8000M + "
                + "500M) > maxBytes (8G)");
        String line = MemoryLimits.explain(new RuntimeException("wrapped", oom)).orElseThrow();
        assertThat(line).startsWith("out of off-heap memory: the run asked for 500 MiB more with 7.8 GiB of its "
                + "8.0 GiB off-heap limit in use").contains("DL4J_SUITE_OFFHEAP=13G ./suite",
                "-Dorg.bytedeco.javacpp.maxbytes=13G", "--batch-size");
    }

    @Test
    void javacppsOuterErrorIsReadThroughToTheLimitItWraps() {
        // As JavaCPP throws it when oneDNN's buffer does not fit: the bound is the cause.
        OutOfMemoryError limit = new OutOfMemoryError("Failed to allocate memory within limits: totalBytes (1191K + "
                + "124M) > maxBytes (64M)");
        OutOfMemoryError outer = new OutOfMemoryError("Cannot allocate new BytePointer(130392064): totalBytes = 1191K, "
                + "physicalBytes = 166M");
        outer.initCause(limit);
        String line = MemoryLimits.explain(new RuntimeException(outer)).orElseThrow();
        assertThat(line).startsWith("out of off-heap memory: the run asked for 124 MiB more with 1 MiB of its "
                + "64 MiB off-heap limit in use").contains("DL4J_SUITE_OFFHEAP=1G");
    }

    @Test
    void theJavaHeapNamesTheHeapVariableAndALargerHeap() {
        String line = MemoryLimits.explain(new OutOfMemoryError("Java heap space")).orElseThrow();
        long heapGib = Runtime.getRuntime().maxMemory() >> 30;
        assertThat(line).startsWith("out of Java heap memory (Java heap space; the limit is ")
                .contains("DL4J_SUITE_HEAP=", "-Xmx");
        long suggested = Long.parseLong(line.replaceAll(".*DL4J_SUITE_HEAP=(\\d+)g.*", "$1"));
        assertThat(suggested).isGreaterThan(heapGib);
    }

    @Test
    void otherErrorsAreNotMemory() {
        assertThat(MemoryLimits.explain(new IllegalStateException("no", new RuntimeException()))).isEmpty();
    }

    @Test
    void suggestionsAreHalfAsMuchAgainInWholeGibAndAlwaysMore() {
        assertThat(MemoryLimits.suggestedGib(8L << 30)).isEqualTo(12);
        assertThat(MemoryLimits.suggestedGib(1L << 20)).isEqualTo(1);
        assertThat(MemoryLimits.suggestedGib((1L << 30) + 1)).isEqualTo(2);
    }
}
