package org.dl4jsuite.charlstm;

import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.TextFile;

/** A text as ids of its own vocabulary, split by position: the first 90% trains, the last 10% validates. */
public record CharCorpus(String source, CharVocabulary vocabulary, int[] train, int[] validation) {

    /** Fraction of the text used for training. */
    public static final double TRAIN_FRACTION = 0.9;

    /** Reads a UTF-8 text file; clear errors for a missing, non-UTF-8, empty or one-character file. */
    public static CharCorpus read(Path file) {
        return of(readText(file), file.toString());
    }

    /** The content of a UTF-8 text file; clear errors for a missing, too large or non-UTF-8 file. */
    public static String readText(Path file) {
        return TextFile.read(file, "pass a UTF-8 text file");
    }

    /** Splits {@code text} (from {@code source}) into training and validation ids of its own vocabulary. */
    public static CharCorpus of(String text, String source) {
        if (text.isEmpty()) {
            throw new SuiteException(source + " is empty; a character model needs text to learn from");
        }
        CharVocabulary vocabulary = CharVocabulary.of(text);
        if (vocabulary.size() < 2) {
            throw new SuiteException(source + " has only one distinct character ("
                    + vocabulary + "); there is nothing to predict");
        }
        return of(text, source, vocabulary);
    }

    /** Splits {@code text} into ids of a given (e.g. a saved model's) vocabulary. */
    public static CharCorpus of(String text, String source, CharVocabulary vocabulary) {
        int[] ids = vocabulary.encode(text, source);
        int cut = (int) Math.round(ids.length * TRAIN_FRACTION);
        return new CharCorpus(source, vocabulary, java.util.Arrays.copyOfRange(ids, 0, cut),
                java.util.Arrays.copyOfRange(ids, cut, ids.length));
    }

    /** Characters in all. */
    public int length() {
        return train.length + validation.length;
    }

    /** Entropy in nats of the training characters' unigram distribution: the loss of a model that ignores context. */
    public double unigramEntropy() {
        double[] counts = new double[vocabulary.size()];
        for (int id : train) {
            counts[id]++;
        }
        double h = 0;
        for (double c : counts) {
            if (c > 0) {
                double p = c / train.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
