package org.dl4jsuite.wordlm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code train}: the notebook's training ({@link WordLmTraining}) plus held-out perplexity and the best model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM; validation and test perplexity after every epoch; "
                + "model.zip is the best-validation model. Writes runs/word-lm/<time>/.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    WordLmTrainOptions train = new WordLmTrainOptions();

    @Override
    public Integer call() {
        return TrainingSession.train(WordLmCommand.MODULE, train.options(), train.config(), WordLmConfig.class,
                train::training);
    }
}
