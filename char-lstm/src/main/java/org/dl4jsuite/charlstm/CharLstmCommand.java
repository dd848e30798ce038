package org.dl4jsuite.charlstm;

import org.dl4jsuite.common.ui.UiCommand;
import org.dl4jsuite.common.cli.SuiteCli;
import picocli.CommandLine.Command;

/** The char-lstm command line: train, generate and evaluate. */
@Command(name = "char-lstm", mixinStandardHelpOptions = true, version = "char-lstm 0.1.0",
        description = "Character-level LSTM language model (Tiny Shakespeare or any UTF-8 text) with DL4J.",
        subcommands = {TrainCommand.class, GenerateCommand.class, EvaluateCommand.class, UiCommand.class})
public final class CharLstmCommand {
    /** The module name used for run folders and model files. */
    public static final String MODULE = "char-lstm";

    public static void main(String[] args) {
        SuiteCli.main(new CharLstmCommand(), args);
    }
}
