package org.dl4jsuite.common.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches one URI into a file, atomically: the bytes go to {@code target + ".part"} and only a complete,
 * checked file is moved to {@code target}, so a file at {@code target} is never a partial download.
 */
public interface Downloader {

    /** Downloads source to target, replacing any existing target. */
    default void download(URI source, Path target, DownloadProgress progress) throws IOException {
        download(source, target, progress, complete -> { });
    }

    /**
     * Downloads source to target, running {@code check} on the complete {@code .part} file first; when
     * the check throws, the part file is deleted, target is left as it was, and the exception propagates.
     */
    void download(URI source, Path target, DownloadProgress progress, Check check) throws IOException;

    /** A test of a completely downloaded file before it is moved into place (e.g. a checksum). */
    @FunctionalInterface
    interface Check {
        /** Throws, with a message saying what is wrong, if the file must not be used. */
        void verify(Path completeFile) throws IOException;
    }
}
