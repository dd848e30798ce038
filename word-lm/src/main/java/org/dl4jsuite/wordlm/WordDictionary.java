package org.dl4jsuite.wordlm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsuite.common.SuiteException;

/** Word ids in order of first appearance in the training text (the reference's Dictionary); {@code <eos>} ends each line. */
public final class WordDictionary {
    /** The token appended to every line. */
    public static final String EOS = "<eos>";

    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    /** An empty dictionary. */
    public WordDictionary() {
    }

    /** A dictionary as stored with a model: its words in id order. */
    public static WordDictionary of(List<String> wordsInIdOrder) {
        WordDictionary dictionary = new WordDictionary();
        wordsInIdOrder.forEach(dictionary::add);
        if (dictionary.size() != wordsInIdOrder.size()) {
            throw new SuiteException("the stored dictionary repeats words; the model file is damaged");
        }
        return dictionary;
    }

    /** Adds {@code word} if new; returns its id. */
    public int add(String word) {
        Integer id = ids.get(word);
        if (id != null) {
            return id;
        }
        ids.put(word, words.size());
        words.add(word);
        return words.size() - 1;
    }

    public int size() {
        return words.size();
    }

    /** The word with id {@code id}. */
    public String word(int id) {
        return words.get(id);
    }

    /** The words in id order (what a model file stores). */
    public List<String> words() {
        return Collections.unmodifiableList(words);
    }

    /** Whether {@code word} has an id. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** The id of {@code word}; an unknown word is a SuiteException that names it and suggests close spellings. */
    public int id(String word, String where) {
        Integer id = ids.get(word);
        if (id == null) {
            List<String> close = closest(word, 5);
            throw new SuiteException(String.format("unknown word '%s' in %s: it is not in the model's %,d-word "
                    + "dictionary%s", word, where, words.size(),
                    close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return id;
    }

    /** The at most {@code k} dictionary words nearest to {@code word} in edit distance (at most 2 edits, or a third of its length), longer shared prefixes first among ties. */
    public List<String> closest(String word, int k) {
        int limit = Math.max(2, word.length() / 3);
        record Candidate(String word, int distance, int sharedPrefix) {
        }
        List<Candidate> found = new ArrayList<>();
        for (String w : words) {
            if (Math.abs(w.length() - word.length()) > limit) {
                continue;
            }
            String query = word.toLowerCase();
            int d = EditDistance.levenshtein(query, w);
            if (d <= limit) {
                int prefix = 0;
                while (prefix < Math.min(query.length(), w.length()) && query.charAt(prefix) == w.charAt(prefix)) {
                    prefix++;
                }
                found.add(new Candidate(w, d, prefix));
            }
        }
        // Among equally distant words, a longer shared beginning is the likelier intended spelling.
        return found.stream().sorted(Comparator.comparingInt(Candidate::distance)
                        .thenComparing(Comparator.comparingInt(Candidate::sharedPrefix).reversed())
                        .thenComparing(Candidate::word))
                .limit(k).map(Candidate::word).toList();
    }
}
