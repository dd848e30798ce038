package org.dl4jsuite.common.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Model;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.AtomicFiles;
import org.dl4jsuite.common.io.Json;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;

/**
 * A run's checkpoints: each is a folder {@code ckpt-<step>-<epoch>-<batch>/} holding {@code model.zip}
 * (parameters and updater state) and {@code state.json}, built under a temporary name and renamed
 * into place; {@code LATEST} names the newest complete one and is itself replaced atomically. A
 * crash at any moment leaves the previous checkpoint intact.
 */
public final class Checkpoints {
    static final String LATEST = "LATEST";
    static final String MODEL = "model.zip";
    static final String STATE = "state.json";
    static final String METRICS_RECORDS = "metrics-records";
    private static final java.util.regex.Pattern CHECKPOINT_NAME = java.util.regex.Pattern.compile("ckpt-[0-9-]+");
    private static final int MAX_POINTER_BYTES = 256;
    private static final long MAX_STATE_BYTES = 1 << 20;

    private final Path dir;
    private final int keep;

    /** Checkpoints under {@code dir}, keeping the newest {@code keep} (at least 1). */
    public Checkpoints(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    /** One saved checkpoint. */
    public record Checkpoint(Path directory, TrainingState state) {
        /** The model zip (with updater state) inside the checkpoint. */
        public Path modelFile() {
            return directory.resolve(MODEL);
        }

        /** How many metrics.jsonl records the run had written when this checkpoint was taken (absent in older ones). */
        public OptionalLong metricsRecords() {
            Path file = directory.resolve(METRICS_RECORDS);
            try {
                return Files.isRegularFile(file)
                        ? OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()))
                        : OptionalLong.empty();
            } catch (IOException | NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
    }

    /** Writes the metrics record count into a checkpoint folder being built (see {@link Checkpoint#metricsRecords()}). */
    public static void writeMetricsRecords(Path folder, long records) {
        AtomicFiles.write(folder.resolve(METRICS_RECORDS), (records + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a checkpoint of {@code model} at {@code state} and makes it the latest. */
    public Checkpoint save(Model model, ModelMetadata metadata, TrainingState state) {
        return save(model, metadata, state, folder -> { });
    }

    /** As {@link #save(Model, ModelMetadata, TrainingState)}, letting {@code extras} add files to the folder before it is published. */
    public Checkpoint save(Model model, ModelMetadata metadata, TrainingState state, Consumer<Path> extras) {
        String name = String.format("ckpt-%09d-%03d-%06d", state.step(), state.epoch(), state.batchInEpoch());
        Path target = dir.resolve(name);
        Path building = dir.resolve("." + name + ".building");
        try {
            Files.createDirectories(dir);
            AtomicFiles.deleteTree(building);
            Files.createDirectories(building);
            ModelFile.save(model, building.resolve(MODEL), true, metadata);
            Json.write(building.resolve(STATE), state);
            extras.accept(building);
            AtomicFiles.deleteTree(target);
            AtomicFiles.move(building, target);
        } catch (IOException e) {
            throw new SuiteException("could not write checkpoint " + target + ": " + e.getMessage()
                    + " (check free disk space and permissions)", e);
        }
        AtomicFiles.write(dir.resolve(LATEST), (name + "\n").getBytes(StandardCharsets.UTF_8));
        prune(name);
        return new Checkpoint(target, state);
    }

    /** The newest intact checkpoint, if any (older ones stand in for a damaged newest, see {@link #latest(Consumer)}). */
    public Optional<Checkpoint> latest() {
        return latest(skipped -> { });
    }

    /**
     * The newest intact checkpoint, if any: the folders are tried newest first (the one {@code LATEST} names, then
     * the older ones kept), and one whose files are missing or unreadable is passed over with a line to
     * {@code skipped}. Only when every kept checkpoint is damaged is that an error.
     */
    public Optional<Checkpoint> latest(Consumer<String> skipped) {
        List<Path> candidates = new ArrayList<>();
        Path pointer = dir.resolve(LATEST);
        try {
            // LATEST may only name a checkpoint folder inside dir; anything else is passed over.
            if (Files.isRegularFile(pointer) && Files.size(pointer) <= MAX_POINTER_BYTES) {
                String named = new String(Files.readAllBytes(pointer), StandardCharsets.UTF_8).trim();
                if (CHECKPOINT_NAME.matcher(named).matches()) {
                    candidates.add(dir.resolve(named));
                }
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(p -> p.getFileName().toString().startsWith("ckpt-") && Files.isDirectory(p))
                            .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                            .filter(p -> !candidates.contains(p))
                            .forEach(candidates::add);
                }
            }
        } catch (IOException e) {
            throw new SuiteException("cannot read the checkpoints in " + dir + ": " + e.getMessage());
        }
        List<String> damaged = new ArrayList<>();
        for (Path candidate : candidates) {
            try {
                Checkpoint checkpoint = read(candidate);
                ModelFile.readMetadata(checkpoint.modelFile());
                if (!damaged.isEmpty()) {
                    skipped.accept("using the older checkpoint " + candidate.getFileName() + " instead");
                }
                return Optional.of(checkpoint);
            } catch (SuiteException e) {
                damaged.add(e.getMessage());
                skipped.accept("skipping a damaged checkpoint: " + e.getMessage());
            }
        }
        if (!damaged.isEmpty()) {
            throw new SuiteException("every checkpoint in " + dir + " is damaged: " + String.join("; ", damaged)
                    + ". Start a new run");
        }
        return Optional.empty();
    }

    private static Checkpoint read(Path checkpoint) {
        if (!Files.isRegularFile(checkpoint.resolve(MODEL)) || !Files.isRegularFile(checkpoint.resolve(STATE))) {
            throw new SuiteException("checkpoint " + checkpoint + " is incomplete (model.zip or state.json missing)");
        }
        TrainingState state;
        try {
            if (Files.size(checkpoint.resolve(STATE)) > MAX_STATE_BYTES) {
                throw new SuiteException("it is larger than " + (MAX_STATE_BYTES >> 10) + " KB");
            }
            JsonNode tree = Json.readTree(checkpoint.resolve(STATE));
            state = Json.convert(tree, TrainingState.class);
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("checkpoint " + checkpoint + " has an unreadable state.json: " + e.getMessage());
        }
        if (state == null || state.epoch() < 0 || state.batchInEpoch() < 0 || state.step() < 0
                || !(state.wallSeconds() >= 0) || Double.isInfinite(state.wallSeconds())
                || Double.isInfinite(state.epochLossSum())) {
            throw new SuiteException("checkpoint " + checkpoint + " has an impossible state.json: " + state);
        }
        return new Checkpoint(checkpoint, state);
    }

    private void prune(String newest) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> all = entries.filter(p -> p.getFileName().toString().startsWith("ckpt-"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            for (int i = keep; i < all.size(); i++) {
                if (!all.get(i).getFileName().toString().equals(newest)) {
                    AtomicFiles.deleteTree(all.get(i));
                }
            }
        } catch (IOException e) {
            // old checkpoints that could not be removed cost disk space, not correctness
        }
    }
}
