package org.dl4jsuite.wordlm;

import org.dl4jsuite.common.ui.UiCommand;
import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The word-lm command line: train, sample, distance and neighbours. */
@Command(name = "word-lm", mixinStandardHelpOptions = true, version = "word-lm 0.1.0",
        description = "Word-level LSTM language model on the Penn Treebank with DL4J (the PyTorch tutorial's notebook).",
        subcommands = {TrainCommand.class, SampleCommand.class, DistanceCommand.class, NeighboursCommand.class,
            UiCommand.class})
public final class WordLmCommand {
    /** The module name used for run folders and model files. */
    public static final String MODULE = "word-lm";

    public static void main(String[] args) {
        SuiteCli.main(new WordLmCommand(), args);
    }
}
