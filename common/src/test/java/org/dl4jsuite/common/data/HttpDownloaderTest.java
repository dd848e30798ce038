package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDownloaderTest {

    @TempDir
    Path tmp;

    @Test
    void followsHttpRedirectsAndReportsProgressToHundredPercent() throws IOException {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/old", exchange -> {
            exchange.getResponseHeaders().add("Location", "/new/data.bin");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/new", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/old/data.bin");
            Path target = tmp.resolve("sub").resolve("data.bin");

            new HttpDownloader().download(uri, target,
                    new ConsoleDownloadProgress(new PrintStream(console, true, StandardCharsets.UTF_8)));

            assertThat(Files.readAllBytes(target)).isEqualTo(body);
            assertThat(tmp.resolve("sub").resolve("data.bin.part")).doesNotExist();
        } finally {
            server.stop(0);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("data.bin").contains("100% 0.3/0.3 MB");
    }

    @Test
    void httpErrorStatusFailsAndLeavesNoFile() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        Path target = tmp.resolve("x.bin");
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x.bin");
            assertThatThrownBy(() -> new HttpDownloader().download(uri, target, DownloadProgress.silent()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("HTTP status 404");
        } finally {
            server.stop(0);
        }
        assertThat(target).doesNotExist();
        assertThat(tmp.resolve("x.bin.part")).doesNotExist();
    }

    @Test
    void checkRunsOnTheCompletePartFileBeforeTheTargetAppears() throws IOException {
        Path source = Files.writeString(tmp.resolve("source.txt"), "payload");
        Path target = tmp.resolve("out").resolve("copy.txt");
        List<String> seen = new ArrayList<>();

        new HttpDownloader().download(source.toUri(), target, DownloadProgress.silent(), complete -> {
            seen.add(complete.getFileName() + "=" + Files.readString(complete) + ", target exists="
                    + Files.exists(target));
        });

        assertThat(seen).containsExactly("copy.txt.part=payload, target exists=false");
        assertThat(Files.readString(target)).isEqualTo("payload");
    }

    @Test
    void failedCheckDeletesThePartFileAndKeepsTheOldTarget() throws IOException {
        Path source = Files.writeString(tmp.resolve("source.txt"), "new");
        Path target = Files.writeString(tmp.resolve("copy.txt"), "old");

        assertThatThrownBy(() -> new HttpDownloader().download(source.toUri(), target, DownloadProgress.silent(),
                complete -> {
                    throw new IOException("rejected");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("rejected");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(tmp.resolve("copy.txt.part")).doesNotExist();
    }

    @Test
    void unsupportedSchemeIsRejected() {
        assertThatThrownBy(() -> new HttpDownloader().download(URI.create("ftp://example.org/x"),
                tmp.resolve("x"), DownloadProgress.silent()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unsupported URI scheme 'ftp'");
    }
}
