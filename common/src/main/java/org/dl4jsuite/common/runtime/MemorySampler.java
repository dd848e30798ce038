package org.dl4jsuite.common.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;

/**
 * Writes the process's memory to a CSV every few seconds from a daemon thread (bench/soak.sh): seconds since the
 * start, RSS, the Java heap in use and committed, the bytes JavaCPP tracks (ND4J's array buffers) and the phase the
 * run is in ({@link #phase}: train, eval, ...). Asked for with {@code -Ddl4jsuite.memory.samples=FILE} and
 * {@code -Ddl4jsuite.memory.every=SECONDS} (default 5).
 */
public final class MemorySampler implements AutoCloseable {
    /** The system property naming the CSV to write. */
    public static final String FILE_PROPERTY = "dl4jsuite.memory.samples";
    /** The system property giving the seconds between samples. */
    public static final String EVERY_PROPERTY = "dl4jsuite.memory.every";
    /** The CSV's header line. */
    public static final String HEADER = "seconds,rss_mib,heap_mib,heap_committed_mib,tracked_mib,phase";

    private static final double MIB = 1024.0 * 1024.0;
    private static volatile String phase = "start";

    private final Writer out;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    private MemorySampler(Path file, double everySeconds) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER + "\n");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "memory-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(1, Math.round(everySeconds * 1000));
        timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling when the system properties ask for it; the sampler is also stopped at JVM exit. */
    public static Optional<MemorySampler> startIfAsked() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        double every = Double.parseDouble(System.getProperty(EVERY_PROPERTY, "5"));
        try {
            MemorySampler sampler = new MemorySampler(Path.of(file), every);
            Runtime.getRuntime().addShutdownHook(new Thread(sampler::close, "memory-sampler-exit"));
            return Optional.of(sampler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write memory samples to " + file, e);
        }
    }

    /** Marks what the run does from now on (the samples' last column), until the next call. */
    public static void phase(String name) {
        phase = name;
    }

    /** The phase last marked. */
    public static String phase() {
        return phase;
    }

    private synchronized void sample() {
        Map<String, Double> figures = MemoryFigures.now();
        Runtime runtime = Runtime.getRuntime();
        try {
            out.write(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%.1f,%s%n",
                    (System.nanoTime() - startNanos) / 1e9, figures.get("rss_mib"), figures.get("heap_mib"),
                    runtime.totalMemory() / MIB, Pointer.totalBytes() / MIB, phase));
            out.flush();
        } catch (IOException e) {
            timer.shutdown(); // the disk is gone or full: stop sampling, never the run
        }
    }

    /** Takes a last sample and closes the file. */
    @Override
    public synchronized void close() {
        if (timer.isShutdown()) {
            return;
        }
        timer.shutdownNow();
        sample();
        try {
            out.close();
        } catch (IOException e) {
            // the samples written so far are on disk
        }
    }
}
