package org.dl4jsuite.common.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.Json;

/**
 * {@code metrics.jsonl}: one JSON object per logged step or epoch. Lines are flushed as written,
 * so a killed run keeps everything it logged; a resumed run appends to the same file.
 */
public final class MetricsLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private long records;

    /** Opens {@code file} for appending. */
    public MetricsLog(Path file) {
        this.file = file;
        this.records = countRecords(file);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SuiteException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Appends one record (keys in insertion order). */
    public synchronized void append(Map<String, ?> record) {
        try {
            out.write(Json.line(record));
            out.write('\n');
            out.flush();
            records++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Non-blank lines, each one record: counted without parsing them (a resumed run's file may be long). */
    private static long countRecords(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** How many records the file holds. */
    public synchronized long records() {
        return records;
    }

    /**
     * Keeps only the first {@code keep} records of {@code file} (atomically): a run resumed from a checkpoint
     * drops what it logged after that checkpoint, since it logs those steps again.
     */
    public static void truncate(Path file, long keep) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() <= keep) {
                return;
            }
            StringBuilder kept = new StringBuilder();
            lines.subList(0, (int) keep).forEach(l -> kept.append(l).append('\n'));
            org.dl4jsuite.common.io.AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SuiteException("cannot rewrite " + file + ": " + e.getMessage());
        }
    }

    /** The records whose "type" is one of {@code types} ("step", "epoch", "eval", "memory", ...), in file order. */
    public static List<Map<String, Object>> ofType(List<Map<String, Object>> records, String... types) {
        List<String> wanted = List.of(types);
        return records.stream().filter(r -> wanted.contains(r.get("type"))).toList();
    }

    /** The values of {@code key} in {@code records}, NaN where a record has no number under it. */
    public static double[] column(List<Map<String, Object>> records, String key) {
        return records.stream().mapToDouble(r -> r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
    }

    /** Reads every record of a metrics file. */
    public static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.parse(line);
                Map<String, Object> record = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> record.put(e.getKey(),
                        e.getValue().isNumber() ? (Object) e.getValue().doubleValue() : e.getValue().asText()));
                records.add(record);
            }
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        return records;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
