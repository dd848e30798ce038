package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/**
 * A command's one output file, {@code --output FILE}: across the suite {@code --out DIR} is always where run
 * folders go, so a single file has its own name ({@code --out FILE}, its old spelling, is still accepted).
 */
public final class OutputFileOption {
    @Option(names = "--output", paramLabel = "FILE", description = "The file to write (see the command's description).")
    Path output;

    @Option(names = "--out", hidden = true, paramLabel = "FILE")
    void out(Path file) {
        output = file;
    }

    /** The file given, or {@code fallback}. */
    public Path orElse(Path fallback) {
        return output != null ? output : fallback;
    }

    /** The file given; none is a user error saying what the file is for. */
    public Path required(String what) {
        if (output == null) {
            throw new SuiteException("give --output FILE: " + what);
        }
        return output;
    }
}
