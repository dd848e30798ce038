package org.dl4jsuite.common.data;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/** A one-line progress bar (percent, MB, MB/s) redrawn in place on a console stream. */
public final class ConsoleDownloadProgress implements DownloadProgress {

    private static final int BAR_WIDTH = 30;
    /** Redrawing more often than ~10 times a second only costs terminal time. */
    private static final long MIN_REDRAW_NANOS = 100_000_000L;
    private static final double MB = 1024.0 * 1024.0;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private String label = "";
    private long totalBytes = -1;
    private long bytesSoFar;
    private long startNanos;
    private long lastDrawNanos;

    public ConsoleDownloadProgress(PrintStream out) {
        this(out, System::nanoTime);
    }

    /** For tests: a progress bar driven by the given clock (nanoseconds). */
    public ConsoleDownloadProgress(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void start(String label, long totalBytes) {
        this.label = label;
        this.totalBytes = totalBytes;
        this.bytesSoFar = 0;
        this.startNanos = nanoClock.getAsLong();
        this.lastDrawNanos = startNanos;
        draw();
    }

    @Override
    public void advance(long bytesSoFar) {
        this.bytesSoFar = bytesSoFar;
        long now = nanoClock.getAsLong();
        if (now - lastDrawNanos >= MIN_REDRAW_NANOS) {
            lastDrawNanos = now;
            draw();
        }
    }

    @Override
    public void finish() {
        draw();
        out.println();
        out.flush();
    }

    /** The current line, without the leading carriage return. */
    String line() {
        double seconds = Math.max(1e-9, (nanoClock.getAsLong() - startNanos) / 1e9);
        double rate = bytesSoFar / MB / seconds;
        if (totalBytes > 0) {
            double fraction = Math.min(1.0, (double) bytesSoFar / totalBytes);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            return String.format(Locale.ROOT, "%s [%s%s] %3d%% %.1f/%.1f MB %.1f MB/s", label,
                    "=".repeat(filled), " ".repeat(BAR_WIDTH - filled), Math.round(fraction * 100),
                    bytesSoFar / MB, totalBytes / MB, rate);
        }
        return String.format(Locale.ROOT, "%s %.1f MB %.1f MB/s", label, bytesSoFar / MB, rate);
    }

    private void draw() {
        out.print("\r" + line());
        out.flush();
    }
}
