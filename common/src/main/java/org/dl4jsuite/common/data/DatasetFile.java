package org.dl4jsuite.common.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a dataset: its canonical name, where to download it, and how to verify a download.
 *
 * @param name           canonical file name, as published (e.g. {@code train-images-idx3-ubyte.gz})
 * @param urls           download locations, canonical first, then mirrors
 * @param sha256         lowercase hex SHA-256 of the file as downloaded; or, where only its start is published (torch.hub's
 *                       file names carry the first 8 hex digits), that prefix, at least 8 digits; or null when unknown
 * @param md5            lowercase hex MD5 of the file as downloaded, or null; used only when sha256 is unknown
 * @param alternateNames other names a user's copy may have (e.g. the un-gzipped name)
 */
public record DatasetFile(String name, List<String> urls, String sha256, String md5, List<String> alternateNames) {

    public DatasetFile {
        Objects.requireNonNull(name, "name");
        urls = List.copyOf(urls);
        alternateNames = List.copyOf(alternateNames);
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        if (sha256 != null && !sha256.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("a SHA-256 or its prefix is 8 to 64 hex digits, got " + sha256);
        }
        md5 = md5 == null ? null : md5.toLowerCase(Locale.ROOT);
    }

    /** The canonical name followed by the alternate names, in the order they are looked for. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(1 + alternateNames.size());
        names.add(name);
        names.addAll(alternateNames);
        return names;
    }

    /** Whether a download of this file can be verified (a SHA-256 or MD5 is known). */
    public boolean hasChecksum() {
        return sha256 != null || md5 != null;
    }
}
