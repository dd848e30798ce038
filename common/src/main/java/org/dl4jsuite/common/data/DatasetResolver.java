package org.dl4jsuite.common.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dl4jsuite.common.SuiteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a dataset's files on this machine, downloading them into the cache as a last resort.
 *
 * <p>Places are tried in this order, and the first directory holding all of the dataset's files wins:
 * the explicit {@code --data-dir} (itself, then its sub-directories named after the dataset); the data
 * root in {@code $DL4J_SUITE_DATA} (its sub-directories, then itself); the cache
 * {@code $DL4J_SUITE_CACHE/<id>} (default {@code ~/.dl4j-suite/data/<id>}); the dataset's system
 * locations; and finally a download into the cache, unless downloads are disabled
 * ({@code DL4J_SUITE_OFFLINE=1}). Cached and downloaded files are checksum-verified; files in user and
 * system directories are not, since legitimate copies may be re-compressed, and are left to the format
 * readers to validate.
 */
public final class DatasetResolver {

    /** Environment variable naming a data root that holds datasets in sub-directories. */
    public static final String DATA_ENV = "DL4J_SUITE_DATA";
    /** Environment variable overriding the download cache root. */
    public static final String CACHE_ENV = "DL4J_SUITE_CACHE";
    /** Environment variable that disables downloads when set to {@code 1} or {@code true}. */
    public static final String OFFLINE_ENV = "DL4J_SUITE_OFFLINE";

    private static final Logger LOG = LoggerFactory.getLogger(DatasetResolver.class);

    private final Path explicitDir;
    private final String dataRoot;
    private final Path cacheRoot;
    private final boolean downloadsEnabled;
    private final MirroredDownload download;

    /**
     * @param explicitDir the {@code --data-dir} option, or null
     * @param env         environment variables ({@code System.getenv()} outside tests)
     * @param downloader  fetches missing files
     */
    public DatasetResolver(Path explicitDir, Map<String, String> env, Downloader downloader) {
        this(explicitDir, env, downloader, true, DownloadProgress.console());
    }

    /**
     * @param downloadsEnabled false to never download (as with {@code --offline}); {@code DL4J_SUITE_OFFLINE=1}
     *                         disables downloads too
     * @param progress         receives download progress
     */
    public DatasetResolver(Path explicitDir, Map<String, String> env, Downloader downloader,
                           boolean downloadsEnabled, DownloadProgress progress) {
        this.explicitDir = explicitDir;
        this.dataRoot = blankToNull(env.get(DATA_ENV));
        String cache = blankToNull(env.get(CACHE_ENV));
        this.cacheRoot = cache != null
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".dl4j-suite", "data");
        String offline = blankToNull(env.get(OFFLINE_ENV));
        this.downloadsEnabled = downloadsEnabled
                && !("1".equals(offline) || "true".equalsIgnoreCase(offline) || "yes".equalsIgnoreCase(offline));
        this.download = new MirroredDownload(downloader, progress);
    }

    /** A resolver for the real environment: {@code System.getenv()} and downloads over HTTP. */
    public static DatasetResolver standard(Path explicitDirOrNull) {
        return new DatasetResolver(explicitDirOrNull, System.getenv(), new HttpDownloader());
    }

    /** The cache directory for this dataset, where downloads go. */
    public Path cacheDirectory(DatasetSpec spec) {
        return cacheRoot.resolve(spec.id());
    }

    /** Finds (or downloads) the dataset; a SuiteException saying where it looked and what to do otherwise. */
    public ResolvedDataset resolve(DatasetSpec spec) {
        List<String> lookedAt = new ArrayList<>();

        if (explicitDir != null) {
            return resolveExplicit(spec);
        }

        if (dataRoot != null) {
            Path root = Path.of(dataRoot);
            List<Path> candidates = new ArrayList<>();
            spec.directoryNames().forEach(name -> candidates.add(root.resolve(name)));
            candidates.add(root);
            for (Path dir : candidates) {
                Optional<ResolvedDataset> found = lookIn(spec, dir, "$" + DATA_ENV + " (" + dir + ")", lookedAt);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } else {
            lookedAt.add("$" + DATA_ENV + ": not set");
        }

        Path cacheDir = cacheDirectory(spec);
        Map<String, Path> cached = verifiedCacheFiles(spec, cacheDir, lookedAt);
        if (cached.size() == spec.files().size()) {
            return found(new ResolvedDataset(spec, cacheDir, cached, "cache"));
        }

        for (Path dir : spec.systemLocations()) {
            Optional<ResolvedDataset> found = lookIn(spec, dir, "system location " + dir, lookedAt);
            if (found.isPresent()) {
                return found.get();
            }
        }

        if (!downloadsEnabled) {
            throw notFound(spec, lookedAt, "Downloads are disabled (offline mode or " + OFFLINE_ENV + "=1).");
        }
        Map<String, Path> files = new LinkedHashMap<>(cached);
        try {
            for (DatasetFile file : spec.files()) {
                if (!files.containsKey(file.name())) {
                    Path target = cacheDir.resolve(file.name());
                    LOG.info("Downloading {} file {} to {}", spec.title(), file.name(), target);
                    download.fetch(file, target);
                    files.put(file.name(), target);
                }
            }
        } catch (SuiteException e) {
            throw notFound(spec, lookedAt, "Downloading failed. " + e.getMessage());
        }
        return found(new ResolvedDataset(spec, cacheDir, files, "downloaded"));
    }

    private ResolvedDataset resolveExplicit(DatasetSpec spec) {
        String source = "--data-dir " + explicitDir;
        if (!Files.isDirectory(explicitDir)) {
            throw new SuiteException("--data-dir " + explicitDir + " does not exist or is not a directory. "
                    + "Pass a directory that contains the " + spec.title() + " files ("
                    + String.join(", ", fileNames(spec)) + "), or leave out --data-dir to use $" + DATA_ENV
                    + ", the cache (" + cacheDirectory(spec) + ") or a download.");
        }
        List<String> lookedAt = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        candidates.add(explicitDir);
        spec.directoryNames().forEach(name -> candidates.add(explicitDir.resolve(name)));
        for (Path dir : candidates) {
            Optional<ResolvedDataset> found = lookIn(spec, dir, source, lookedAt);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new SuiteException("--data-dir " + explicitDir + " does not contain " + spec.title() + ". Looked in:\n"
                + bullets(lookedAt) + "\n" + manualInstructions(spec, explicitDir)
                + "Or leave out --data-dir to use $" + DATA_ENV + ", the cache or a download.");
    }

    /** All files of the spec in dir, each under its canonical or an alternate name; not checksum-verified. */
    private static Optional<ResolvedDataset> lookIn(DatasetSpec spec, Path dir, String source, List<String> lookedAt) {
        if (!Files.isDirectory(dir)) {
            lookedAt.add(dir + ": does not exist");
            return Optional.empty();
        }
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (DatasetFile file : spec.files()) {
            file.allNames().stream()
                    .map(dir::resolve)
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .ifPresentOrElse(path -> files.put(file.name(), path), () -> missing.add(file.name()));
        }
        if (!missing.isEmpty()) {
            lookedAt.add(dir + ": missing " + String.join(", ", missing));
            return Optional.empty();
        }
        return Optional.of(found(new ResolvedDataset(spec, dir, files, source)));
    }

    /** The cache files that pass verification; corrupt ones are deleted so that a download replaces them. */
    private static Map<String, Path> verifiedCacheFiles(DatasetSpec spec, Path cacheDir, List<String> lookedAt) {
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (DatasetFile file : spec.files()) {
            Path path = cacheDir.resolve(file.name());
            if (!Files.isRegularFile(path)) {
                problems.add(file.name() + " missing");
                continue;
            }
            try {
                Optional<String> mismatch = Checksums.mismatch(path, file);
                if (mismatch.isPresent()) {
                    LOG.warn("Cached file {} is corrupt ({}); deleting it so it is downloaded again", path,
                            mismatch.get());
                    Files.delete(path);
                    problems.add(file.name() + " corrupt (" + mismatch.get() + "), deleted");
                } else {
                    files.put(file.name(), path);
                }
            } catch (IOException e) {
                throw new SuiteException("Could not check or delete the cached file " + path + ": " + e.getMessage()
                        + ". Delete " + cacheDir + " by hand and run again.", e);
            }
        }
        if (!problems.isEmpty()) {
            lookedAt.add("cache " + cacheDir + ": " + String.join(", ", problems));
        }
        return files;
    }

    private SuiteException notFound(DatasetSpec spec, List<String> lookedAt, String why) {
        return new SuiteException("Could not find the " + spec.title() + " dataset (" + spec.id() + "). Looked in:\n"
                + bullets(lookedAt) + "\n" + why + "\n" + manualInstructions(spec, cacheDirectory(spec))
                + "Or pass --data-dir DIR, or set " + DATA_ENV + " to a directory with a "
                + String.join(" or ", spec.directoryNames()) + " sub-directory holding these files.");
    }

    private static String manualInstructions(DatasetSpec spec, Path dir) {
        StringBuilder text = new StringBuilder("To fetch the files by hand, download each into " + dir + ":\n");
        for (DatasetFile file : spec.files()) {
            text.append("  ").append(file.name()).append(" <- ").append(String.join(" or ", file.urls())).append('\n');
        }
        return text.toString();
    }

    private static ResolvedDataset found(ResolvedDataset dataset) {
        LOG.info("{}: using {} ({})", dataset.spec().title(), dataset.directory(), dataset.source());
        return dataset;
    }

    private static List<String> fileNames(DatasetSpec spec) {
        return spec.files().stream().map(DatasetFile::name).toList();
    }

    private static String bullets(List<String> lines) {
        return "  - " + String.join("\n  - ", lines);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
