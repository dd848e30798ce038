package org.dl4jsuite.common.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import org.dl4jsuite.common.SuiteException;

/** The suite's one JSON configuration: records in and out, paths as plain strings, pretty files, compact lines. */
public final class Json {
    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
            // metrics written by Python (json.dumps) may hold NaN for a figure that was not computed
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build()
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    }

    private Json() {
    }

    /** One line of JSON (for metrics.jsonl). */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** Indented JSON (for config.json and state files). */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** Writes {@code value} as indented JSON, atomically. */
    public static void write(Path file, Object value) {
        AtomicFiles.write(file, (pretty(value) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a JSON file as a tree; a missing or malformed file is a user error naming the file. */
    public static JsonNode readTree(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses a JSON string as a tree. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SuiteException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Converts a tree (e.g. config.json's "config" member) to a record. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new SuiteException("cannot read " + type.getSimpleName() + " from JSON: " + e.getOriginalMessage());
        }
    }

    /** A value as a tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A record's fields as a map of JSON values (for a model zip's metadata). */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { });
    }

    /** A map of JSON values as a record of {@code type}; a value of the wrong type is an IllegalArgumentException. */
    public static <T> T fromMap(Map<String, Object> values, Class<T> type) {
        return MAPPER.convertValue(values, type);
    }
}
