package org.dl4jsuite.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The property every fuzz test of a file reader checks: the bytes, written as a file, are either read (and the
 * reader's own checks of the result pass) or refused with the suite's user error and a message. Anything else, an
 * other exception or an Error, escapes to Jazzer as a finding.
 */
public final class ReadOrRefuse {
    /** Reads {@code file} and checks what it read. */
    @FunctionalInterface
    public interface Reader {
        void read(Path file) throws Exception;
    }

    private ReadOrRefuse() {
    }

    /** Writes {@code bytes} to a temporary file ending in {@code suffix} and checks the property on it. */
    public static void check(byte[] bytes, String suffix, Reader reader) throws Exception {
        Path file = Files.createTempFile("fuzz", suffix);
        try {
            Files.write(file, bytes);
            reader.read(file);
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
