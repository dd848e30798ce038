package org.dl4jsuite.wordlm;

import static org.assertj.core.api.Assertions.assertThat;

import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.sequence.StreamBatches;
import org.junit.jupiter.api.Test;

/** The real Penn Treebank read as the reference reads it: its vocabulary, sizes and 1549 steps per epoch. */
class PtbCorpusTest {
    @Test
    void thePennTreebankGivesTheReferencesVocabularyAndStepsPerEpoch() {
        WordCorpus ptb = WordCorpus.ptb(SharedData.dir().resolve("ptb"));
        assertThat(ptb.dictionary().size()).isEqualTo(10_000);
        assertThat(ptb.train()).hasSize(929_589);
        assertThat(ptb.valid()).hasSize(73_760);
        assertThat(ptb.test()).hasSize(82_430);
        // ptb.train.txt begins " aer banknote berlitz ...": ids in order of first appearance.
        assertThat(ptb.dictionary().words().subList(0, 3)).containsExactly("aer", "banknote", "berlitz");
        assertThat(ptb.train()).startsWith(0, 1, 2);
        StreamBatches batches = new StreamBatches(ptb.train(), 20, 30);
        assertThat(batches.columns()).isEqualTo(46_479);
        assertThat(batches.batchesPerEpoch()).isEqualTo(1549);
        assertThat(batches.columns() / 30).isEqualTo(1549);
    }
}
