package org.dl4jsuite.common.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dl4jsuite.common.SuiteException;

/**
 * CIFAR-10's binary version ({@code cifar-10-binary.tar.gz}): five training batches and one test batch, each
 * record one label byte followed by a 32×32 image as its red, green and blue planes (3,072 bytes). Read straight
 * from the archive (Commons Compress's tar reader; sizes checked before anything is allocated) or from a folder
 * of the extracted {@code .bin} files.
 */
public final class Cifar10Batches {
    /** The archive's name as published. */
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";
    /** Bytes per record: the label and 3 × 32 × 32 pixels. */
    public static final int RECORD = 1 + 3 * 32 * 32;
    private static final List<String> TRAIN = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    private static final String TEST = "test_batch.bin";
    /** A published batch holds 10,000 records; nothing larger is read into memory. */
    private static final long MAX_BATCH = 10_000L * RECORD;

    private final Map<String, byte[]> batches;
    private final String source;

    private Cifar10Batches(Map<String, byte[]> batches, String source) {
        this.batches = batches;
        this.source = source;
    }

    private static Path lastFile;
    private static Cifar10Batches lastRead;

    /** As {@link #read}, reusing the last file's batches (a run asks for train and test of the same archive). */
    public static synchronized Cifar10Batches cached(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (!key.equals(lastFile)) {
            lastRead = read(file);
            lastFile = key;
        }
        return lastRead;
    }

    /** The batches in {@code file}: the .tar.gz archive, or a folder holding the extracted .bin files. */
    public static Cifar10Batches read(Path file) {
        if (Files.isDirectory(file)) {
            return fromFolder(file);
        }
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return new Cifar10Batches(untar(in), file.toString());
        } catch (IOException e) {
            throw new SuiteException(file + " is not CIFAR-10's binary archive (" + e.getMessage()
                    + "); download cifar-10-binary.tar.gz again");
        }
    }

    private static Cifar10Batches fromFolder(Path folder) {
        Path dir = Files.isDirectory(folder.resolve("cifar-10-batches-bin")) ? folder.resolve("cifar-10-batches-bin") : folder;
        Map<String, byte[]> batches = new LinkedHashMap<>();
        for (String name : names()) {
            Path bin = dir.resolve(name);
            try {
                if (Files.size(bin) > MAX_BATCH) {
                    throw new SuiteException(bin + " holds more than 10,000 CIFAR-10 records; it is not a CIFAR-10 batch");
                }
                batches.put(name, Files.readAllBytes(bin));
            } catch (IOException e) {
                throw new SuiteException("cannot read " + bin + " (" + e.getMessage() + "); a CIFAR-10 folder holds "
                        + String.join(", ", names()));
            }
        }
        return new Cifar10Batches(batches, dir.toString());
    }

    /** The 50,000 training images (batches 1–5 in order). */
    public ImageClassData train(List<String> classNames) {
        List<byte[]> parts = new ArrayList<>();
        TRAIN.forEach(name -> parts.add(batch(name)));
        return images(parts, classNames);
    }

    /** The 10,000 test images. */
    public ImageClassData test(List<String> classNames) {
        return images(List.of(batch(TEST)), classNames);
    }

    private byte[] batch(String name) {
        byte[] bytes = batches.get(name);
        if (bytes == null) {
            throw new SuiteException(source + " has no " + name + "; it is not CIFAR-10's binary version");
        }
        return bytes;
    }

    private ImageClassData images(List<byte[]> parts, List<String> classNames) {
        int n = 0;
        for (byte[] part : parts) {
            if (part.length % RECORD != 0) {
                throw new SuiteException(source + ": a batch of " + part.length + " bytes is not whole records of "
                        + RECORD + " bytes; the file is truncated or not CIFAR-10");
            }
            n += part.length / RECORD;
        }
        if (n == 0) {
            throw new SuiteException(source + " has empty batches (no records); it is not CIFAR-10's binary version");
        }
        byte[] pixels = new byte[n * (RECORD - 1)];
        int[] labels = new int[n];
        int i = 0;
        for (byte[] part : parts) {
            for (int r = 0; r < part.length / RECORD; r++, i++) {
                labels[i] = part[r * RECORD] & 0xFF;
                if (labels[i] >= classNames.size()) {
                    throw new SuiteException(source + ": record " + i + " has label " + labels[i] + ", beyond the "
                            + classNames.size() + " classes");
                }
                System.arraycopy(part, r * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
            }
        }
        return ImageClassData.of(pixels, labels, classNames, 3, 32, 32);
    }

    private static List<String> names() {
        List<String> all = new ArrayList<>(TRAIN);
        all.add(TEST);
        return all;
    }

    /** The regular files of a tar stream whose base names are batches, by base name. */
    private static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        List<String> wanted = names();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry entry = tar.getNextTarEntry(); entry != null; entry = tar.getNextTarEntry()) {
            String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            if (!entry.isFile() || !wanted.contains(base)) {
                continue;
            }
            if (entry.getSize() > MAX_BATCH) {
                throw new IOException(entry.getName() + " claims " + entry.getSize() + " bytes, more than a CIFAR-10 batch");
            }
            byte[] data = tar.readNBytes((int) entry.getSize());
            if (data.length < entry.getSize()) {
                throw new IOException(entry.getName() + " is cut short");
            }
            found.put(base, data);
        }
        return found;
    }
}
