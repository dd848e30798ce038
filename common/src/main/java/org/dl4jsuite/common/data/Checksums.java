package org.dl4jsuite.common.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Streaming SHA-256 / MD5 digests and Adler-32 sums of files, and verification of a file against a {@link DatasetFile}. */
public final class Checksums {

    private Checksums() {
    }

    /** Lowercase hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) throws IOException {
        return digest(file, "SHA-256");
    }

    /** Lowercase hex MD5 of the file's bytes. */
    public static String md5(Path file) throws IOException {
        return digest(file, "MD5");
    }

    /** The Adler-32 sum of the file's bytes (what the DL4J zoo publishes for its weights). */
    public static long adler32(Path file) throws IOException {
        try (java.util.zip.CheckedInputStream in = new java.util.zip.CheckedInputStream(Files.newInputStream(file),
                new java.util.zip.Adler32())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return in.getChecksum().getValue();
        }
    }

    /**
     * Checks the file against the expected SHA-256 (or, when that is unknown, MD5); returns a description
     * such as {@code "SHA-256 expected ab12…, actual cd34…"} when it does not match, empty when it matches
     * or nothing is known to check against.
     */
    public static Optional<String> mismatch(Path file, DatasetFile expected) throws IOException {
        if (expected.sha256() != null) {
            String actual = sha256(file);
            // A published prefix (torch.hub's names) is checked as far as it goes.
            return actual.startsWith(expected.sha256())
                    ? Optional.empty()
                    : Optional.of("SHA-256 expected " + expected.sha256() + (expected.sha256().length() < 64 ? "…" : "")
                            + ", actual " + actual);
        }
        if (expected.md5() != null) {
            String actual = md5(file);
            return actual.equals(expected.md5())
                    ? Optional.empty()
                    : Optional.of("MD5 expected " + expected.md5() + ", actual " + actual);
        }
        return Optional.empty();
    }

    private static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256 and MD5.
            throw new IllegalStateException("no " + algorithm + " provider", e);
        }
    }
}
