package org.dl4jsuite.charlstm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.dl4jsuite.common.ReadOrRefuse;

/**
 * Any bytes given as a training text are either read as a corpus (every character an id of a vocabulary of at
 * least two, split 90/10, and the vocabulary survives its round trip through a model file) or refused with the
 * suite's one user error. Replays CharCorpusFuzzTestInputs/ (slices of Tiny Shakespeare, multi-byte UTF-8, and
 * every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class CharCorpusFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws Exception {
        ReadOrRefuse.check(bytes, ".txt", file -> {
            CharCorpus corpus = CharCorpus.read(file);
            int size = corpus.vocabulary().size();
            assertThat(size).isGreaterThanOrEqualTo(2);
            assertThat(IntStream.concat(IntStream.of(corpus.train()), IntStream.of(corpus.validation())))
                    .allMatch(id -> id >= 0 && id < size);
            assertThat(corpus.vocabulary().decode(corpus.train()) + corpus.vocabulary().decode(corpus.validation()))
                    .isEqualTo(CharCorpus.readText(file));
            assertThat(CharVocabulary.fromStored(corpus.vocabulary().characters()).characters())
                    .isEqualTo(corpus.vocabulary().characters());
        });
    }
}
