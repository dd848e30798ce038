package org.dl4jsuite.common.model;

import java.nio.file.Path;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.Json;

/**
 * What the suite stores beside a DL4J model inside its zip ({@code dl4j-suite.json}): which module
 * wrote it, what kind of model it is, and the module's facts a loader needs (class names, the
 * vocabulary, the input shape), which each module declares as one record and reads back with
 * {@link #facts}.
 */
public record ModelMetadata(String module, String kind, String network, Map<String, Object> properties) {

    /** Network type names as stored. */
    public static final String MULTI_LAYER = "MultiLayerNetwork";
    public static final String GRAPH = "ComputationGraph";

    /** Metadata whose properties are the fields of {@code facts} (a module's record). */
    public static ModelMetadata of(String module, String kind, String network, Object facts) {
        Map<String, Object> properties = Json.toMap(facts);
        return new ModelMetadata(module, kind, network, properties);
    }

    /** The metadata in {@code json} (the dl4j-suite.json entry of {@code file}); incomplete metadata is a user error. */
    static ModelMetadata parse(String json, Path file) {
        ModelMetadata metadata;
        try {
            metadata = Json.convert(Json.parse(json), ModelMetadata.class);
        } catch (SuiteException e) {
            throw new SuiteException(file + " has unreadable suite metadata (" + e.getMessage()
                    + "); the model file is damaged");
        }
        if (metadata == null || metadata.module() == null || metadata.kind() == null || metadata.network() == null) {
            throw new SuiteException(file + " has suite metadata without its module, kind or network type; "
                    + "the model file is damaged");
        }
        return metadata;
    }

    /**
     * The properties as the module's record {@code type}; a file whose facts are missing or of the wrong type
     * is a user error naming {@code file}.
     */
    public <T> T facts(Class<T> type, Path file) {
        try {
            return Json.fromMap(properties == null ? Map.of() : properties, type);
        } catch (IllegalArgumentException e) {
            SuiteException cause = userCause(e);
            String why = cause != null ? cause.getMessage() : e.getMessage();
            throw new SuiteException(file + " has incomplete " + module + " metadata (" + why
                    + "); write it again with this version", e);
        }
    }

    private static SuiteException userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SuiteException s) {
                return s;
            }
        }
        return null;
    }
}
