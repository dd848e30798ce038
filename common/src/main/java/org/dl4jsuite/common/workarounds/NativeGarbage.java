package org.dl4jsuite.common.workarounds;

import org.dl4jsuite.common.runtime.MemoryFigures;

/**
 * Runs the Java garbage collector when the process's native memory has grown by more than a budget since the
 * last look. ND4J frees an array's native buffer only when the array's Java object is collected, and a loop whose
 * Java objects are small (an attack on AlexNet: ~45 MiB of heap) can leave gigabytes of dead native buffers before
 * the heap asks for a collection. Call {@link #check()} once per iteration of such a loop.
 */
public final class NativeGarbage {
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

    /** Collects if native memory grew by more than the budget since the baseline; returns whether it did. */
    public boolean check() {
        double now = MemoryFigures.offHeapMib();
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
        System.gc();
        collections++;
        // Freed buffers are reused by later allocations, so the process stays near this size from now on.
        baselineMib = MemoryFigures.offHeapMib();
        return true;
    }

    /** How many collections {@link #check()} has run. */
    public int collections() {
        return collections;
    }
}
