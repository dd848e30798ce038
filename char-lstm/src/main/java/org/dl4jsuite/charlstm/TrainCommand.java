package org.dl4jsuite.charlstm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.LanguageModelOptions;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code train}: trains the character LSTM ({@link CharLstmTraining}), evaluating and sampling every N steps. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train a character-level LSTM (Adam, truncated BPTT with carried state, global-norm "
                + "clipping); writes runs/char-lstm/<time>/.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    CharLstmConfig config = new CharLstmConfig();

    @Mixin
    LanguageModelOptions lm = new LanguageModelOptions();

    @Override
    public Integer call() {
        return TrainingSession.train(CharLstmCommand.MODULE, options, config, CharLstmConfig.class,
                run -> CharLstmTraining.of(run, lm));
    }
}
