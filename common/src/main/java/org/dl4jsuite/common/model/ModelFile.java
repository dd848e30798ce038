package org.dl4jsuite.common.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.io.BoundedRead;
import org.dl4jsuite.common.io.Json;

/**
 * A DL4J model zip (ModelSerializer's format, loadable by plain DL4J) with the suite's
 * {@code dl4j-suite.json} entry added. Written atomically; loading checks that the file is a model
 * of the expected module before handing it to DL4J.
 */
public final class ModelFile {
    static final String METADATA_ENTRY = "dl4j-suite.json";

    private ModelFile() {
    }

    /** Saves {@code model} (with its updater state when {@code withUpdater}) and its metadata to {@code target}. */
    public static void save(Model model, Path target, boolean withUpdater, ModelMetadata metadata) {
        AtomicFiles.write(target, tmp -> {
            Path plain = tmp.resolveSibling(tmp.getFileName() + ".dl4j");
            try {
                ModelSerializer.writeModel(model, plain.toFile(), withUpdater);
                try (ZipFile in = new ZipFile(plain.toFile());
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    copyEntries(in, out);
                    out.putNextEntry(new ZipEntry(METADATA_ENTRY));
                    out.write(Json.pretty(metadata).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            } finally {
                Files.deleteIfExists(plain);
            }
        });
    }

    /** Reads only the suite metadata; fails clearly when the file is missing, not a zip, or not from the suite. */
    public static ModelMetadata readMetadata(Path file) {
        requireReadable(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(METADATA_ENTRY);
            if (zip.getEntry(ModelSerializer.CONFIGURATION_JSON) == null) {
                throw new SuiteException(file + " is a zip file but not a DL4J model (no configuration.json inside)");
            }
            if (entry == null) {
                throw new SuiteException(file + " is a DL4J model but was not saved by this suite (no "
                        + METADATA_ENTRY + " inside); use a model.zip written by a suite command");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] json = BoundedRead.readAll(in, ModelZipCheck.MAX_JSON_BYTES);
                if (json == null) {
                    throw new SuiteException(file + " has a " + METADATA_ENTRY + " larger than "
                            + (ModelZipCheck.MAX_JSON_BYTES >> 20) + " MB; the model file is damaged");
                }
                return ModelMetadata.parse(new String(json, StandardCharsets.UTF_8), file);
            }
        } catch (ZipException e) {
            throw new SuiteException(file + " is not a model file (not a zip archive: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Checks that {@code file} was written by {@code module} and returns its metadata. */
    public static ModelMetadata requireModule(Path file, String module) {
        ModelMetadata metadata = readMetadata(file);
        if (!module.equals(metadata.module())) {
            throw new SuiteException(file + " is a " + metadata.module() + " model (" + metadata.kind()
                    + "), not a " + module + " model; pass a model.zip from a " + module + " run");
        }
        return metadata;
    }

    /** Loads a MultiLayerNetwork written by {@code module}. */
    public static MultiLayerNetwork loadMultiLayer(Path file, String module, boolean withUpdater) {
        ModelMetadata metadata = requireModule(file, module);
        if (!ModelMetadata.MULTI_LAYER.equals(metadata.network())) {
            throw new SuiteException(file + " holds a " + metadata.network() + ", not a MultiLayerNetwork");
        }
        ModelZipCheck.require(file);
        try {
            return MultiLayerNetwork.load(file.toFile(), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("cannot load the network in " + file + ": " + e.getMessage());
        }
    }

    /** Loads a ComputationGraph written by {@code module}. */
    public static ComputationGraph loadGraph(Path file, String module, boolean withUpdater) {
        ModelMetadata metadata = requireModule(file, module);
        if (!ModelMetadata.GRAPH.equals(metadata.network())) {
            throw new SuiteException(file + " holds a " + metadata.network() + ", not a ComputationGraph");
        }
        ModelZipCheck.require(file);
        try {
            return ComputationGraph.load(file.toFile(), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("cannot load the network in " + file + ": " + e.getMessage());
        }
    }

    /** The stored network type name of {@code model}. */
    public static String networkType(Model model) {
        if (model instanceof ComputationGraph) {
            return ModelMetadata.GRAPH;
        }
        if (model instanceof MultiLayerNetwork) {
            return ModelMetadata.MULTI_LAYER;
        }
        throw new IllegalArgumentException("unsupported model type " + model.getClass());
    }

    private static void requireReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("model file not found: " + file.toAbsolutePath()
                    + " (each train run saves runs/<module>/<time>/model.zip)");
        }
        if (!Files.isReadable(file)) {
            throw new SuiteException("model file is not readable: " + file.toAbsolutePath());
        }
    }

    private static void copyEntries(ZipFile in, ZipOutputStream out) throws IOException {
        Enumeration<? extends ZipEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            out.putNextEntry(new ZipEntry(entry.getName()));
            try (InputStream data = in.getInputStream(entry)) {
                data.transferTo(out);
            }
            out.closeEntry();
        }
    }
}
