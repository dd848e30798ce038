package org.dl4jsuite.common.workarounds;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * glibc's {@code malloc_trim}, through JNA (which ND4J already brings, for OSHI): hands the free pages of every malloc
 * arena back to the system. With ./suite's malloc settings (large buffers from the arenas, never trimmed on free, for
 * speed) the pages of freed ND4J arrays otherwise stay resident until reused.
 */
public final class Malloc {
    private static final CLibrary C = load();

    private Malloc() {
    }

    /** The part of the C library this class calls. */
    public interface CLibrary extends Library {
        /** Releases free memory; returns 1 if any was released. */
        int malloc_trim(long pad);
    }

    private static CLibrary load() {
        try {
            return (CLibrary) Native.loadLibrary("c", CLibrary.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // not glibc (or no C library JNA can open): nothing to trim
        }
    }

    /** Returns freed pages to the system; false where there is no glibc malloc_trim. */
    public static boolean trim() {
        if (C == null) {
            return false;
        }
        try {
            C.malloc_trim(0);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
