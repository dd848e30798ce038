package org.dl4jsuite.charlstm;

import org.dl4jsuite.common.SuiteException;

/**
 * What a char-lstm model zip records: its vocabulary (the characters in index order), the text it was trained on
 * (the dataset id or a path) and its training window, which sampling and evaluation reuse.
 */
public record CharModelFacts(String vocabulary, String text, int seqLength) {
    /** The window of models saved before it was recorded. */
    static final int DEFAULT_SEQ_LENGTH = 100;

    public CharModelFacts {
        if (vocabulary == null || vocabulary.isEmpty()) {
            throw new SuiteException("no vocabulary");
        }
        if (seqLength <= 0) {
            seqLength = DEFAULT_SEQ_LENGTH;
        }
    }
}
