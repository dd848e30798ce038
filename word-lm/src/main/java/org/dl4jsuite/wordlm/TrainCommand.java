package org.dl4jsuite.wordlm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.cli.LanguageModelOptions;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code train}: the notebook's training ({@link WordLmTraining}) plus held-out perplexity and the best model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the word-level LSTM LM; validation and test perplexity after every epoch; "
                + "model.zip is the best-validation model. Writes runs/word-lm/<time>/.")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    WordLmConfig config = new WordLmConfig();

    @Mixin
    LanguageModelOptions lm = new LanguageModelOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return TrainingSession.train(WordLmCommand.MODULE, options, config, WordLmConfig.class, spec,
                run -> WordLmTraining.of(run, lm));
    }
}
