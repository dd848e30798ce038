package org.dl4jsuite.common.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dataset: its files and the places it may already be on this machine.
 *
 * @param id              short identifier, also the directory name in the download cache
 * @param title           human-readable name used in messages
 * @param directoryNames  sub-directory names the dataset may live under inside a data root
 * @param systemLocations directories where other tools or OS packages install it
 * @param files           the files that make up the dataset
 */
public record DatasetSpec(String id, String title, List<String> directoryNames, List<Path> systemLocations,
                          List<DatasetFile> files) {

    public DatasetSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        directoryNames = List.copyOf(directoryNames);
        systemLocations = List.copyOf(systemLocations);
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("dataset " + id + " has no files");
        }
    }
}
