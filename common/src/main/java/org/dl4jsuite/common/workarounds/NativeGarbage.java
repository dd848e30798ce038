package org.dl4jsuite.common.workarounds;

import org.dl4jsuite.common.runtime.MemoryFigures;

/**
 * Runs the Java garbage collector and hands freed pages back when the process's resident memory has grown by more
 * than a budget since the last collection. ND4J frees an array's native buffer only when the array's Java object is
 * collected, and a loop whose Java objects are small (an attack on AlexNet: ~45 MiB of heap) can leave gigabytes of
 * dead native buffers before the heap asks for a collection; arrays that lived long enough to reach the old
 * generation wait for a full collection; and the serial collector grows its old generation with dead objects between
 * full collections (the training UI's). Call {@link #check()} once per iteration of such a loop.
 */
public final class NativeGarbage {
    /** Time for ND4J's deallocator thread to free what a collection found dead, per round. */
    private static final long TRIM_DELAY_MILLIS = 20;
    /** Rounds of waiting and trimming: at least 2, at most 20 (0.4 s). */
    private static final int SETTLE_ROUNDS = 20;
    /** A fall of the resident set smaller than this ends the wait. */
    private static final double SETTLED_MIB = 1;

    private final double budgetMib;
    private double baselineMib = Double.NaN;
    private int collections;

    /** A guard that collects after {@code budgetMib} MiB of native growth. */
    public NativeGarbage(double budgetMib) {
        if (!(budgetMib > 0)) {
            throw new IllegalArgumentException("the budget must be positive, got " + budgetMib);
        }
        this.budgetMib = budgetMib;
    }

    /** Collects if resident memory grew by more than the budget since the baseline; returns whether it did. */
    public boolean check() {
        double now = MemoryFigures.residentSetMib();
        if (Double.isNaN(now)) {
            return false; // no /proc: nothing to measure by
        }
        if (Double.isNaN(baselineMib) || now < baselineMib) {
            baselineMib = now;
            return false;
        }
        if (now - baselineMib <= budgetMib) {
            return false;
        }
        collect();
        return true;
    }

    /**
     * Collects now, whatever the growth, and hands the freed pages back: for the end of a pass whose buffers the
     * next phase never reuses (an evaluation between training stretches), which would otherwise stay resident.
     */
    public void collect() {
        System.gc();
        collections++;
        // Freed buffers are reused by later allocations, so the process stays near this size from now on.
        baselineMib = settledAfterRelease();
    }

    /**
     * Hands the pages of freed native buffers back to the system (glibc's malloc_trim through JavaCPP) until the
     * resident set stops falling, and returns it. ND4J frees a collected array's buffer on its deallocator thread
     * some time after the collection (longer on a loaded machine), and the suite's malloc settings (./suite: large
     * buffers from the heap, no automatic trimming, for speed) keep freed pages resident until trimmed. A baseline
     * taken before the deallocator is done would hide the next growth behind the late frees.
     */
    private static double settledAfterRelease() {
        double before = MemoryFigures.residentSetMib();
        for (int round = 1; round <= SETTLE_ROUNDS; round++) {
            try {
                Thread.sleep(TRIM_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Malloc.trim();
            double now = MemoryFigures.residentSetMib();
            if (round >= 2 && !(before - now > SETTLED_MIB)) {
                return now; // two rounds at least: the first trim may come before the deallocator's first free
            }
            before = now;
        }
        return MemoryFigures.residentSetMib();
    }

    /** How many collections {@link #check()} has run. */
    public int collections() {
        return collections;
    }
}
