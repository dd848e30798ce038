package org.dl4jsuite.wordlm;

import java.util.List;
import org.dl4jsuite.common.SuiteException;

/** What a word-lm model zip records: its dictionary (the words in index order) and the corpus it was trained on. */
public record WordModelFacts(List<String> dictionary, String corpus) {

    public WordModelFacts {
        if (dictionary == null || dictionary.isEmpty()) {
            throw new SuiteException("no dictionary");
        }
        dictionary = List.copyOf(dictionary);
    }
}
