package org.dl4jsuite.wordlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.junit.jupiter.api.Test;

/** The reference's Dictionary/Corpus and batching on a small text, ids and windows worked out by hand. */
class WordCorpusTest {
    private static final String TRAIN = " the cat sat \n the dog  sat on the mat\n";
    private static final String VALID = "the cat\n";

    @Test
    void idsFollowFirstAppearanceWithEosAtEachLineEnd() {
        WordCorpus corpus = WordCorpus.of("t", TRAIN, VALID, "sat on the mat\n");
        // the=0 cat=1 sat=2 <eos>=3 dog=4 on=5 mat=6
        assertThat(corpus.dictionary().words()).containsExactly("the", "cat", "sat", "<eos>", "dog", "on", "mat");
        assertThat(corpus.train()).containsExactly(0, 1, 2, 3, 0, 4, 2, 5, 0, 6, 3);
        assertThat(corpus.valid()).containsExactly(0, 1, 3);
        assertThat(corpus.test()).containsExactly(2, 5, 0, 6, 3);
    }

    @Test
    void aLastLineWithoutNewlineStillEndsWithEosAndBlankLinesAreJustEos() {
        assertThat(WordCorpus.tokens("a b\n\nc")).containsExactly("a", "b", "<eos>", "<eos>", "c", "<eos>");
        assertThat(WordCorpus.tokens("a b\n")).containsExactly("a", "b", "<eos>");
    }

    @Test
    void batchingReproducesTheReferenceWindows() {
        int[] ids = new int[47];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        // batch 3: 47 // 3 = 15 columns, rows [0..14], [15..29], [30..44]; seq 4: i = 0, 4, 8 (< 15 − 4 = 11)
        StreamBatches batches = new StreamBatches(ids, 3, 4);
        assertThat(batches.columns()).isEqualTo(15);
        assertThat(batches.batchesPerEpoch()).isEqualTo(3);
        assertThat(batches.inputs(1)).isDeepEqualTo(new int[][] {{4, 5, 6, 7}, {19, 20, 21, 22}, {34, 35, 36, 37}});
        assertThat(batches.targets(2)).isDeepEqualTo(new int[][] {{9, 10, 11, 12}, {24, 25, 26, 27}, {39, 40, 41, 42}});
        assertThat(batches.window(0).getFeatures().shape()).containsExactly(3, 1, 4);
        assertThat(batches.window(0).getLabels().shape()).containsExactly(3, 1, 4);
    }

    @Test
    void anUnknownHeldOutWordIsAnErrorThatNamesItAndSuggestsSpellings() {
        assertThatThrownBy(() -> WordCorpus.of("t", TRAIN, "the cot\n", "the\n"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("unknown word 'cot' in the validation text")
                .hasMessageContaining("did you mean cat");
    }

    @Test
    void suggestionsAreOrderedByEditDistance() {
        WordDictionary dictionary = WordDictionary.of(java.util.List.of("army", "arms", "navy", "armies", "taxpayer"));
        assertThat(dictionary.closest("armx", 3)).containsExactly("arms", "army");
        assertThat(dictionary.closest("taxpayers", 3)).containsExactly("taxpayer");
        WordDictionary many = WordDictionary.of(java.util.List.of("abbie", "admit", "amid", "are", "argue", "army"));
        assertThat(many.closest("armie", 2)).containsExactly("army", "are");
        assertThat(EditDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void theNotebookLineHasItsExactFormat() {
        assertThat(ReferenceLogLine.line(1, 5, 0, 1549, Math.log(10050.66)))
                .isEqualTo("Epoch [1/5], Step[0/1549], Loss: 9.2154, Perplexity: 10050.66");
    }
}
