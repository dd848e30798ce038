package org.dl4jsuite.common.data;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dl4jsuite.common.SuiteException;

/** Downloads one {@link DatasetFile}, trying its URLs in order and verifying the checksum before it lands. */
final class MirroredDownload {

    private final Downloader downloader;
    private final DownloadProgress progress;

    MirroredDownload(Downloader downloader, DownloadProgress progress) {
        this.downloader = downloader;
        this.progress = progress;
    }

    /** Downloads the file to target; a SuiteException naming every URL tried and why each failed otherwise. */
    void fetch(DatasetFile file, Path target) {
        List<String> failures = new ArrayList<>();
        for (String url : file.urls()) {
            try {
                downloader.download(URI.create(url), target, progress, complete -> {
                    var mismatch = Checksums.mismatch(complete, file);
                    if (mismatch.isPresent()) {
                        throw new IOException("downloaded file failed verification: " + mismatch.get());
                    }
                });
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(url + ": " + describe(e));
            }
        }
        throw new SuiteException("Could not download " + file.name() + " to " + target + ". Tried:\n  "
                + String.join("\n  ", failures)
                + "\nCheck your network connection, or fetch the file by hand and put it at " + target + ".");
    }

    private static String describe(Exception e) {
        String kind = e.getClass().getSimpleName();
        // HttpClient's connection errors often carry no message of their own, only a cause that has one.
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            message = t.getMessage() == null || t.getMessage().isBlank() ? null : t.getMessage();
        }
        if (message == null) {
            return kind;
        }
        // The JDK's file and network exceptions often carry only a path or host name as their message.
        boolean bare = e instanceof FileSystemException || e instanceof UnknownHostException
                || e instanceof ConnectException || e instanceof HttpTimeoutException;
        return bare ? kind + " " + message : message;
    }
}
