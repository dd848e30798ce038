package org.dl4jsuite.wordlm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sequence.RecurrentSampling;
import org.dl4jsuite.common.sequence.TokenSampler;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.dl4jsuite.common.cli.OutputFileOption;

/** {@code sample}: words from a saved model, as the notebook samples (multinomial from a random first word), or greedy, or with a temperature. */
@Command(name = "sample", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Generate words from a saved word-lm model; <eos> is written as a line break. "
                + "--output FILE also writes the sample to FILE.")
public final class SampleCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--words", description = "Words to generate.")
    int words = 50;

    @Option(names = "--start", paramLabel = "WORD",
            description = "The first input word (not written). Default: a word drawn uniformly, as the notebook does.")
    String start;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--seed", description = "Random seed (first word and sampling).")
    long seed = 42;

    @Mixin
    OutputFileOption output = new OutputFileOption();

    /** Greedy or a temperature, not both. */
    static final class Mode {
        @Option(names = "--greedy", description = "Always take the most likely word.")
        boolean greedy;

        @Option(names = "--temperature", description = "Sampling temperature (1: the model's distribution, as the notebook).")
        double temperature = 1.0;
    }

    @Override
    public Integer call() {
        if (words < 0) {
            throw new SuiteException("--words must be 0 or positive, got " + words);
        }
        if (!mode.greedy && (!(mode.temperature > 0) || !Double.isFinite(mode.temperature))) {
            throw new SuiteException("--temperature must be positive (use --greedy for argmax), got " + mode.temperature);
        }
        ComputeBackend.initialise(0);
        WordLmModelFiles.Loaded loaded = WordLmModelFiles.load(model.path());
        String text = sample(loaded, start, words, mode.greedy ? 0 : mode.temperature, seed);
        System.out.print(text);
        Path out = output.orElse(null);
        if (out != null) {
            try {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SuiteException("cannot write " + out + ": " + e.getMessage());
            }
        }
        return 0;
    }

    /** {@code count} words after {@code startOrNull} (or a seeded uniform first word), {@code <eos>} as "\n", other words followed by a space. */
    public static String sample(WordLmModelFiles.Loaded loaded, String startOrNull, int count, double temperature,
                                long seed) {
        WordDictionary dictionary = loaded.dictionary();
        int first = startOrNull == null ? new SplittableRandom(seed).nextInt(dictionary.size())
                : dictionary.id(startOrNull, "--start");
        StringBuilder text = new StringBuilder();
        if (count == 0) {
            return text.toString();
        }
        RecurrentSampling.generate(loaded.network(), new int[] {first}, count, new TokenSampler(temperature, 0, seed),
                id -> {
                    String word = dictionary.word(id);
                    text.append(WordDictionary.EOS.equals(word) ? "\n" : word + " ");
                });
        return text.toString();
    }
}
