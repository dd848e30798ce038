package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.DatasetResolver;
import org.dl4jsuite.common.data.Datasets;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.io.TextFile;

/**
 * The Penn Treebank as the reference reads it: every line split on whitespace plus {@code <eos>},
 * the dictionary grown from the training file only, valid and test encoded with it.
 */
public record WordCorpus(String source, WordDictionary dictionary, int[] train, int[] valid, int[] test) {

    /** PTB found under {@code dataDirOrNull} (or wherever the dataset resolver finds it). */
    public static WordCorpus ptb(Path dataDirOrNull) {
        ResolvedDataset resolved = DatasetResolver.standard(dataDirOrNull).resolve(Datasets.PTB);
        return of("Penn Treebank (" + resolved.source() + ")", readText(resolved.file("ptb.train.txt")),
                readText(resolved.file("ptb.valid.txt")), readText(resolved.file("ptb.test.txt")));
    }

    /** The three files ptb.train.txt, ptb.valid.txt, ptb.test.txt of {@code corpusDirOrNull}, or PTB itself when null. */
    public static WordCorpus read(String corpusDirOrNull, Path dataDirOrNull) {
        if (corpusDirOrNull == null) {
            return ptb(dataDirOrNull);
        }
        Path dir = Path.of(corpusDirOrNull);
        return of(dir.toAbsolutePath().toString(), readText(dir.resolve("ptb.train.txt")),
                readText(dir.resolve("ptb.valid.txt")), readText(dir.resolve("ptb.test.txt")));
    }

    /** A corpus from three texts; the dictionary comes from {@code train}. */
    public static WordCorpus of(String source, String train, String valid, String test) {
        WordDictionary dictionary = new WordDictionary();
        int[] trainIds = tokens(train).stream().mapToInt(dictionary::add).toArray();
        if (dictionary.size() < 2) {
            throw new SuiteException(source + ": the training text has fewer than two distinct words");
        }
        return new WordCorpus(source, dictionary, trainIds, encode(dictionary, valid, "the validation text"),
                encode(dictionary, test, "the test text"));
    }

    /** The ids of {@code text} in {@code dictionary}; an unknown word is an error naming it. */
    public static int[] encode(WordDictionary dictionary, String text, String where) {
        return tokens(text).stream().mapToInt(w -> dictionary.id(w, where)).toArray();
    }

    /** Each line's whitespace-separated words followed by {@code <eos>} (Python's {@code line.split() + ['<eos>']}). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (String word : line.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
            out.add(WordDictionary.EOS);
        }
        // Python iterates "a\nb\n" as two lines, not three: a trailing newline starts no line.
        if (text.isEmpty() || text.endsWith("\n")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** A UTF-8 text file's content; a clear error when it is missing, too large, unreadable or not UTF-8. */
    public static String readText(Path file) {
        return TextFile.read(file, "a corpus folder needs ptb.train.txt, ptb.valid.txt and ptb.test.txt");
    }
}
