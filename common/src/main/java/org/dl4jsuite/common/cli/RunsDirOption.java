package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --out DIR} option: the folder under which a command makes its run folder, {@code <out>/<module>/<time>/}. */
public final class RunsDirOption {
    @Option(names = "--out", paramLabel = "DIR", description = "Where run folders go (<out>/<module>/<time>/).")
    Path out = Path.of("runs");

    /** The folder given, or {@code runs}. */
    public Path dir() {
        return out;
    }
}
