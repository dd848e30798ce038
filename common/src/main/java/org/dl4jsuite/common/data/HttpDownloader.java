package org.dl4jsuite.common.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/** A {@link Downloader} for {@code http:}, {@code https:} (redirects followed) and {@code file:} URIs. */
public final class HttpDownloader implements Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Time allowed until the response headers arrive; the body itself may take as long as it needs. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;

    public HttpDownloader() {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    @Override
    public void download(URI source, Path target, DownloadProgress progress, Check check) throws IOException {
        Path absoluteTarget = target.toAbsolutePath();
        Files.createDirectories(absoluteTarget.getParent());
        Path part = absoluteTarget.resolveSibling(absoluteTarget.getFileName() + ".part");
        try {
            fetch(source, part, progress);
            check.verify(part);
            moveIntoPlace(part, absoluteTarget);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    private void fetch(URI source, Path part, DownloadProgress progress) throws IOException {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                Path from = Path.of(source);
                try (InputStream in = Files.newInputStream(from)) {
                    copy(in, Files.size(from), part, fileName(source), progress);
                }
            }
            case "http", "https" -> fetchHttp(source, part, progress);
            default -> throw new IOException("unsupported URI scheme '" + scheme + "' (use http, https or file)");
        }
    }

    private void fetchHttp(URI source, Path part, DownloadProgress progress) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + source + " interrupted");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
            copy(in, length, part, fileName(source), progress);
        }
    }

    private static void copy(InputStream in, long expectedLength, Path part, String label, DownloadProgress progress)
            throws IOException {
        long written = 0;
        progress.start(label, expectedLength);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                written += n;
                progress.advance(written);
            }
            out.flush();
            // Without the fsync a crash right after the rename could leave an empty or partial file
            // under the final name.
            channel.force(true);
        } finally {
            progress.finish();
        }
        if (expectedLength >= 0 && written != expectedLength) {
            throw new IOException("connection ended after " + written + " of " + expectedLength + " bytes");
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String fileName(URI source) {
        String path = source.getPath() == null ? source.toString() : source.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
