package org.dl4jsuite.common.cli;

import org.dl4jsuite.common.runtime.LayerImplementation;
import picocli.CommandLine.Option;

/** {@code --impl fast|dl4j}: the suite's fast layer implementations or DL4J's own (see {@link LayerImplementation}). */
public final class ImplementationOption {
    @Option(names = "--impl", paramLabel = "fast|dl4j", defaultValue = "fast",
            description = "Layer implementations: fast (oneDNN LSTM and the suite's other fast layers, falling back "
                    + "to DL4J's where they do not apply) or dl4j (DL4J's own throughout).")
    String impl;

    /** Makes the chosen implementation the process's ({@link LayerImplementation#select()}); returns it. */
    public LayerImplementation select() {
        LayerImplementation chosen = LayerImplementation.parse(impl);
        chosen.select();
        return chosen;
    }
}
