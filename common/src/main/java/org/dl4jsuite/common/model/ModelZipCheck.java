package org.dl4jsuite.common.model;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.BoundedRead;
import org.dl4jsuite.common.io.SerializedArrayCheck;

/**
 * Reads a model zip the way DL4J's {@code ModelSerializer} will ({@code ZipInputStream}, every member into
 * memory) and refuses it before DL4J does anything when a member is unknown, repeated or larger than the heap
 * allows, or an array's header does not match its bytes. The members the suite never writes are refused too:
 * DL4J would deserialise {@code preprocessor.bin} as arbitrary Java objects.
 */
final class ModelZipCheck {
    /** The most a JSON member may hold (a MobileNet configuration is about 100 KB). */
    static final int MAX_JSON_BYTES = 16 << 20;

    private ModelZipCheck() {
    }

    /** Throws a SuiteException naming the problem when {@code file} is not a model zip DL4J can load safely. */
    static void require(Path file) {
        long heapRoom = Runtime.getRuntime().maxMemory() / 2;
        Set<String> seen = new HashSet<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!seen.add(name)) {
                    throw damaged(file, "holds '" + name + "' twice");
                }
                CountingStream member = new CountingStream(zip);
                switch (name) {
                    case ModelSerializer.CONFIGURATION_JSON, ModelFile.METADATA_ENTRY -> {
                        if (BoundedRead.count(member, MAX_JSON_BYTES) > MAX_JSON_BYTES) {
                            throw damaged(file, "has a " + name + " larger than " + (MAX_JSON_BYTES >> 20) + " MB");
                        }
                    }
                    case ModelSerializer.COEFFICIENTS_BIN, ModelSerializer.UPDATER_BIN -> {
                        String problem = SerializedArrayCheck.problem(member, heapRoom);
                        if (problem != null) {
                            throw damaged(file, "has a " + name + " that DL4J cannot read: " + problem);
                        }
                    }
                    default -> throw damaged(file, "holds '" + name + "', which suite models never hold"
                            + (name.equals(ModelSerializer.PREPROCESSOR_BIN)
                            ? " (DL4J would deserialise it as Java objects)" : ""));
                }
                total += member.count;
                if (total > heapRoom) {
                    throw new SuiteException(String.format("%s unpacks to more than %,d MB, half of this JVM's heap, "
                            + "which DL4J needs to load it; raise -Xmx (in JAVA_OPTS)", file, heapRoom >> 20));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file, "is not a readable zip archive (" + e.getMessage() + ")");
        }
        if (!seen.contains(ModelSerializer.CONFIGURATION_JSON) || !seen.contains(ModelSerializer.COEFFICIENTS_BIN)) {
            throw damaged(file, "lacks configuration.json or coefficients.bin");
        }
    }

    private static SuiteException damaged(Path file, String problem) {
        return new SuiteException(file + " " + problem + "; the model file is damaged: use another model.zip or "
                + "train again");
    }

    /** Counts the bytes read through it, and leaves the zip open when closed. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
        }
    }
}
