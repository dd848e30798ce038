package org.dl4jsuite.reference.libtorch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's metrics.jsonl: one JSON object per line, flushed as written. */
final class MetricsFile implements AutoCloseable {
    private final Writer out;
    final Path path;

    MetricsFile(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** A record of {@code type}: step, epoch, the window's mean loss and rate (under {@code rateKey}), wall time. */
    static Map<String, Object> record(String type, long step, int epoch, LossWindow window, double wall, String rateKey) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("type", type);
        rec.put("step", step);
        rec.put("epoch", epoch);
        rec.put("loss", window.meanLoss());
        rec.put(rateKey, window.perSecond());
        rec.put("wall_s", wall);
        return rec;
    }

    /** Writes {@code record}, whose values are strings or numbers, in its order. */
    void write(Map<String, Object> record) {
        String line = record.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}\n"));
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
