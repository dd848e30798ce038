package org.dl4jsuite.common.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a dataset was found.
 *
 * @param spec      the dataset
 * @param directory the directory holding its files
 * @param files     canonical file name to the actual file (which may have an alternate name)
 * @param source    how it was found, for messages: {@code --data-dir /x}, {@code $DL4J_SUITE_DATA},
 *                  {@code cache}, {@code system location /usr/share/...} or {@code downloaded}
 */
public record ResolvedDataset(DatasetSpec spec, Path directory, Map<String, Path> files, String source) {

    public ResolvedDataset {
        files = Map.copyOf(files);
    }

    /** The actual path of the file with this canonical name. */
    public Path file(String canonicalName) {
        Path path = files.get(canonicalName);
        if (path == null) {
            throw new IllegalArgumentException(spec.id() + " has no file named " + canonicalName
                    + "; its files are " + spec.files().stream().map(DatasetFile::name).toList());
        }
        return path;
    }
}
