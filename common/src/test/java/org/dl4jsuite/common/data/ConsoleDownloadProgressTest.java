package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ConsoleDownloadProgressTest {

    private static final long MB = 1024 * 1024;

    @Test
    void showsPercentSizeAndRateAndRedrawsAtMostTenTimesASecond() {
        AtomicLong clock = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleDownloadProgress progress =
                new ConsoleDownloadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);

        progress.start("data.gz", 10 * MB);
        clock.set(50_000_000L);      // 50 ms: too soon to redraw
        progress.advance(MB);
        clock.set(1_000_000_000L);   // 1 s
        progress.advance(5 * MB);

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(3);  // the start line and one redraw
        assertThat(out).endsWith("data.gz [===============               ]  50% 5.0/10.0 MB 5.0 MB/s");

        progress.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("5.0 MB/s" + System.lineSeparator());
    }

    @Test
    void unknownLengthShowsOnlySizeAndRate() {
        AtomicLong clock = new AtomicLong();
        ConsoleDownloadProgress progress = new ConsoleDownloadProgress(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), clock::get);

        progress.start("x", -1);
        clock.set(2_000_000_000L);
        progress.advance(3 * MB);

        assertThat(progress.line()).isEqualTo("x 3.0 MB 1.5 MB/s");
    }
}
