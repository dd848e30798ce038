package org.dl4jsuite.common.onednn;

import org.bytedeco.javacpp.BytePointer;

/**
 * The scratch memory oneDNN's primitives use during one execution, one buffer per thread shared by every primitive
 * that thread runs, as large as the largest asked for. A primitive needs its scratchpad only while it executes and a
 * thread runs one at a time, so one buffer serves them all: the char LSTM's four primitives (each layer's forward and
 * backward) asked for 128 MiB each when every set owned its own.
 */
final class Scratchpad {
    private static final ThreadLocal<Scratchpad> PER_THREAD = ThreadLocal.withInitial(Scratchpad::new);

    private BytePointer bytes;

    private Scratchpad() {
    }

    /** The calling thread's scratch buffer, grown to at least {@code size} bytes (its contents are not kept). */
    static BytePointer ofThisThread(long size) {
        return PER_THREAD.get().atLeast(size);
    }

    private BytePointer atLeast(long size) {
        if (bytes == null || bytes.capacity() < size) {
            if (bytes != null) {
                bytes.deallocate();
            }
            bytes = new BytePointer(Math.max(1, size));
        }
        return bytes;
    }
}
