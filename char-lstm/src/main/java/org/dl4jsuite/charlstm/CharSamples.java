package org.dl4jsuite.charlstm;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.sequence.RecurrentSampling;
import org.dl4jsuite.common.sequence.StreamLoss;
import org.dl4jsuite.common.sequence.TokenSampler;

/**
 * What training shows every N steps, as in the reference: validation loss in nats and bits per
 * character, the teacher-forced "prediction from input" under a validation snippet, and a
 * free-running "generated" sample.
 */
public final class CharSamples {
    /** Streams the validation split is read as (see {@link StreamLoss}). */
    public static final int EVAL_STREAMS = 16;
    private static final int SNIPPET = 80;

    private final MultiLayerNetwork network;
    private final CharCorpus corpus;
    private final CharLstmConfig config;
    private final long seed;
    private final PrintStream console;
    private String lastGenerated = "";

    public CharSamples(MultiLayerNetwork network, CharCorpus corpus, CharLstmConfig config, long seed,
                       PrintStream console) {
        this.network = network;
        this.corpus = corpus;
        this.config = config;
        this.seed = seed;
        this.console = console;
    }

    /** Mean validation loss in nats per character over the whole validation split. */
    public static double validationLoss(MultiLayerNetwork network, int[] validation, int seqLength) {
        int streams = Math.max(1, Math.min(EVAL_STREAMS, validation.length / (seqLength + 1)));
        return StreamLoss.meanNats(network, validation, streams, seqLength);
    }

    /** Validation loss and bits/char, with the two samples printed. */
    public Map<String, Double> evaluate(long step) {
        Map<String, Double> metrics = validationMetrics();
        printSamples(step);
        return metrics;
    }

    /** Validation loss (val_loss, nats/char) and bits/char (val_bpc). */
    public Map<String, Double> validationMetrics() {
        double nats = validationLoss(network, corpus.validation(), config.seqLength());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_loss", nats);
        metrics.put("val_bpc", nats / Math.log(2));
        return metrics;
    }

    /** The last free-running sample printed. */
    public String lastGenerated() {
        return lastGenerated;
    }

    private void printSamples(long step) {
        int[] validation = corpus.validation();
        int length = Math.min(SNIPPET, validation.length - 1);
        int[] input = java.util.Arrays.copyOfRange(validation, 0, length);
        int[] truth = java.util.Arrays.copyOfRange(validation, 1, length + 1);
        int[] predicted = RecurrentSampling.predictNext(network, input);
        CharVocabulary vocabulary = corpus.vocabulary();
        console.println("prediction from input (validation text, then the argmax next character at each position):");
        console.println("  true:      " + visible(vocabulary.decode(truth)));
        console.println("  predicted: " + visible(vocabulary.decode(predicted)));
        if (config.sampleLength() > 0) {
            TokenSampler sampler = new TokenSampler(config.temperature(), 0, seed + step);
            int[] generated = RecurrentSampling.generate(network, new int[] {input[0]}, config.sampleLength(), sampler,
                    id -> { });
            lastGenerated = vocabulary.decode(input[0]) + vocabulary.decode(generated);
            console.printf("generated (temperature %s):%n%s%n", config.temperature(), lastGenerated);
        }
    }

    /** Line breaks and tabs as visible marks, so the predicted line stays aligned under the true one. */
    static String visible(String text) {
        return text.replace('\n', '¶').replace('\t', '→').replace('\r', '←');
    }
}
