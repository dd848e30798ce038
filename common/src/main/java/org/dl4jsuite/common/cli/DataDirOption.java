package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --data-dir} option. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the dataset files (or a data root with one folder per dataset). "
                    + "Default: $DL4J_SUITE_DATA, then ~/.dl4j-suite/data, then system locations, then download.")
    Path dataDir;

    /** The folder given, or null. */
    public Path dataDir() {
        return dataDir;
    }
}
