package org.dl4jsuite.common.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream whose length nobody vouches for (a zip member, a decompressed file) with a byte limit:
 * memory grows with the bytes that really arrive, never with a length a header claims.
 */
public final class BoundedRead {
    private BoundedRead() {
    }

    /** All of {@code in}, or null when it holds more than {@code limit} bytes (reading stops there). */
    public static byte[] readAll(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long count = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            count += n;
            if (count > limit) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** How many bytes {@code in} holds, reading (and dropping) at most {@code limit} + 1 of them. */
    public static long count(InputStream in, long limit) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long count = 0;
        int n;
        while (count <= limit && (n = in.read(chunk)) > 0) {
            count += n;
        }
        return count;
    }
}
