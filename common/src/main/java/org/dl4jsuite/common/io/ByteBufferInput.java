package org.dl4jsuite.common.io;

import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * An input stream over a byte buffer (a whole pickle, or a mapped file) that knows exactly how many bytes are left,
 * and where it is: a parser can check a length against {@link #available()} before it allocates.
 */
final class ByteBufferInput extends InputStream {
    private final ByteBuffer buffer;
    private int mark;

    ByteBufferInput(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Bytes read so far from the buffer's start. */
    long position() {
        return buffer.position();
    }

    @Override
    public int read() {
        return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) {
        int k = (int) Math.max(0, Math.min(n, buffer.remaining()));
        buffer.position(buffer.position() + k);
        return k;
    }

    @Override
    public int available() {
        return buffer.remaining();
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readlimit) {
        mark = buffer.position();
    }

    @Override
    public synchronized void reset() {
        buffer.position(mark);
    }
}
