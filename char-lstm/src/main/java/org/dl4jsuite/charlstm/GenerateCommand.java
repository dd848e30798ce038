package org.dl4jsuite.charlstm;

import java.util.concurrent.Callable;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.cli.ModelFileOption;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.sequence.RecurrentSampling;
import org.dl4jsuite.common.sequence.TokenSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: streams text from a saved model, primed with a given text. */
@Command(name = "generate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Generate text from a saved char-lstm model, character by character.")
public final class GenerateCommand implements Callable<Integer> {
    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--prime", description = "Text the model reads before generating (its characters must be in the vocabulary).")
    String prime = "ROMEO:";

    @Option(names = "--length", description = "Characters to generate.")
    int length = 500;

    @Option(names = "--temperature", description = "Sampling temperature; 0 is greedy (always the most likely character).")
    double temperature = 0.8;

    @Option(names = "--top-k", paramLabel = "K", description = "Sample only among the K most likely characters (0: all).")
    int topK;

    @Option(names = "--seed", description = "Random seed of the sampling.")
    long seed = 42;

    @Override
    public Integer call() {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new SuiteException("--temperature must be 0 (greedy) or positive, got " + temperature);
        }
        if (length < 0) {
            throw new SuiteException("--length must be 0 or positive, got " + length);
        }
        if (topK < 0) {
            throw new SuiteException("--top-k must be 0 (all characters) or positive, got " + topK);
        }
        if (prime.isEmpty()) {
            throw new SuiteException("--prime must have at least one character");
        }
        ComputeBackend.initialise(0);
        CharLstmModelFiles.Loaded loaded = CharLstmModelFiles.load(model.path());
        int[] primeIds = loaded.vocabulary().encode(prime, "--prime");
        System.out.print(prime);
        RecurrentSampling.generate(loaded.network(), primeIds, length, new TokenSampler(temperature, topK, seed),
                id -> {
                    System.out.print(loaded.vocabulary().decode(id));
                    System.out.flush();
                });
        System.out.println();
        return 0;
    }
}
