package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bytedeco.javacpp.Pointer;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A NumPy {@code .npz} archive (what {@code numpy.savez} and {@code savez_compressed} write) read into
 * arrays by name, without the ".npy" suffix. Each member is read with a byte limit and parsed by
 * {@link NpyArray}; the total must fit ND4J's native memory limit. (ND4J's own {@code createFromNpzFile} loops
 * forever on a header without a newline and trusts every length in the file.)
 */
public final class NpzFile {
    /** The largest member read: one Java array, and far above a torchvision AlexNet layer (150 MB). */
    static final int MAX_MEMBER_BYTES = 1 << 30;

    private NpzFile() {
    }

    /** Every array in {@code file}, in archive order. */
    public static Map<String, INDArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("NumPy archive not found: " + file.toAbsolutePath());
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".npy") || entry.isDirectory()) {
                    throw new SuiteException(file + " holds '" + name + "', which is not a .npy member; "
                            + "write the archive with numpy.savez");
                }
                String key = name.substring(0, name.length() - ".npy".length());
                if (arrays.containsKey(key)) {
                    throw new SuiteException(file + " holds the array '" + key + "' twice");
                }
                byte[] bytes = readMember(zip, entry, file);
                total += bytes.length;
                requireNativeRoom(total, file);
                arrays.put(key, NpyArray.parse(bytes, file + " member " + name));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SuiteException(file + " is not a readable .npz archive (" + e.getMessage()
                    + "); write it with numpy.savez");
        }
        if (arrays.isEmpty()) {
            throw new SuiteException(file + " holds no arrays; write it with numpy.savez");
        }
        return arrays;
    }

    /** The member's bytes, refusing one that inflates past {@link #MAX_MEMBER_BYTES}. */
    private static byte[] readMember(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = BoundedRead.readAll(in, MAX_MEMBER_BYTES);
            if (bytes == null) {
                throw new SuiteException(file + " member " + entry.getName() + " is larger than "
                        + (MAX_MEMBER_BYTES >> 20) + " MB; split it into smaller arrays");
            }
            return bytes;
        }
    }

    private static void requireNativeRoom(long bytes, Path file) {
        long room = Pointer.maxBytes() - Pointer.totalBytes();
        if (bytes > room) {
            throw new SuiteException(String.format("%s needs %,d MB of native memory for its arrays and %,d MB are "
                            + "left; raise -Dorg.bytedeco.javacpp.maxbytes (in JAVA_OPTS)", file, bytes >> 20, room >> 20));
        }
    }
}
