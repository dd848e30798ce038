package org.dl4jsuite.common.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --model FILE} option of the commands that use a trained network: a model.zip a train wrote. */
public final class ModelFileOption {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.zip written by 'train'.")
    Path model;

    /** The file given. */
    public Path path() {
        return model;
    }
}
