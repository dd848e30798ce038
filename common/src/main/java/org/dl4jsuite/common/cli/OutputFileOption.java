package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import picocli.CommandLine.Option;

/** A command's one output file, {@code --output FILE} (across the suite {@code --out DIR} is where run folders go). */
public final class OutputFileOption {
    @Option(names = "--output", paramLabel = "FILE", description = "The file to write (see the command's description).")
    Path output;

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
