package org.dl4jsuite.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        visit(file, arrays::put, false);
        return arrays;
    }

    /**
     * Hands every array in {@code file} to {@code each}, in archive order, one at a time, and closes it (frees its
     * native memory) when {@code each} returns: copy what you keep. Memory holds one array, not the whole archive.
     */
    public static void forEach(Path file, BiConsumer<String, INDArray> each) {
        visit(file, each, true);
    }

    private static void visit(Path file, BiConsumer<String, INDArray> each, boolean closeEach) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("NumPy archive not found: " + file.toAbsolutePath());
        }
        Set<String> keys = new HashSet<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long fileBytes = Files.size(file);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".npy") || entry.isDirectory()) {
                    throw new SuiteException(file + " holds '" + name + "', which is not a .npy member; "
                            + "write the archive with numpy.savez");
                }
                String key = name.substring(0, name.length() - ".npy".length());
                if (!keys.add(key)) {
                    throw new SuiteException(file + " holds the array '" + key + "' twice");
                }
                String what = file + " member " + name;
                INDArray array;
                if (storedWithin(entry, fileBytes)) {
                    // numpy.savez stores members uncompressed: their length is bytes of this file, so it is checked.
                    total += closeEach ? 0 : entry.getSize();
                    requireNativeRoom(closeEach ? entry.getSize() : total, file);
                    try (InputStream in = zip.getInputStream(entry)) {
                        array = NpyArray.read(in, (int) entry.getSize(), what);
                    }
                } else {
                    byte[] bytes = readMember(zip, entry, file);
                    total += closeEach ? 0 : bytes.length;
                    requireNativeRoom(closeEach ? bytes.length : total, file);
                    array = NpyArray.parse(bytes, what);
                }
                each.accept(key, array);
                if (closeEach && array.closeable()) {
                    array.close();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SuiteException(file + " is not a readable .npz archive (" + e.getMessage()
                    + "); write it with numpy.savez");
        }
        if (keys.isEmpty()) {
            throw new SuiteException(file + " holds no arrays; write it with numpy.savez");
        }
    }

    /** Whether {@code entry} is stored uncompressed, within the file's length and the member limit. */
    private static boolean storedWithin(ZipEntry entry, long fileBytes) {
        return entry.getMethod() == ZipEntry.STORED && entry.getSize() >= 0 && entry.getSize() == entry.getCompressedSize()
                && entry.getSize() <= fileBytes && entry.getSize() <= MAX_MEMBER_BYTES;
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

    /** Refuses to read {@code bytes} more of {@code file} into native memory when ND4J's limit leaves less room. */
    static void requireNativeRoom(long bytes, Path file) {
        long room = Pointer.maxBytes() - Pointer.totalBytes();
        if (bytes > room) {
            throw new SuiteException(String.format("%s needs %,d MB of native memory for its arrays and %,d MB are "
                            + "left; raise -Dorg.bytedeco.javacpp.maxbytes (in JAVA_OPTS)", file, bytes >> 20, room >> 20));
        }
    }
}
