package org.dl4jsuite.common.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.dl4jsuite.common.SuiteException;

/** Writes files so that a reader never sees a half-written one: temp file in the same folder, fsync, rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file at the path it is given. */
    @FunctionalInterface
    public interface FileWriter {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Lets {@code writer} produce the file at a temporary path, then renames it onto {@code target}. */

    public static void write(Path target, FileWriter writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            writer.writeTo(tmp);
            fsync(tmp);
            move(tmp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw new SuiteException("could not write " + target + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk is not full, or choose another output path", e);
        }
    }

    /** Renames atomically where the file system can, replacing {@code target}. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
