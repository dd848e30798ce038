package org.dl4jsuite.wordlm;

import org.dl4jsuite.common.cli.LanguageModelOptions;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingRun;
import org.dl4jsuite.common.sequence.StreamBatches;
import picocli.CommandLine.Mixin;

/** Everything {@code word-lm train} takes on its command line, declared once for every command that trains the word LM. */
public final class WordLmTrainOptions {
    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Mixin
    WordLmConfig config = new WordLmConfig();

    @Mixin
    LanguageModelOptions lm = new LanguageModelOptions();

    /** The options every train command shares. */
    public TrainingOptions options() {
        return options;
    }

    /** The configuration the command line asked for (a resumed run uses its recorded one). */
    public WordLmConfig config() {
        return config;
    }

    /** The word LM's training in {@code run}, with these options. */
    public Training<StreamBatches> training(TrainingRun<WordLmConfig> run) {
        return WordLmTraining.of(run, lm);
    }
}
