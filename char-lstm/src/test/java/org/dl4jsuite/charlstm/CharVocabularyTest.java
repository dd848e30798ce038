package org.dl4jsuite.charlstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dl4jsuite.common.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharVocabularyTest {
    @TempDir
    Path tmp;

    @Test
    void theVocabularyIsTheSortedDistinctCharactersAndIdsRoundTrip() {
        String text = "to be, or not to be: that is the question\né ü 日本 🙂";
        CharVocabulary vocabulary = CharVocabulary.of(text);
        assertThat(vocabulary.characters()).startsWith("\n ,:").contains("abehinoqrstu").endsWith("日本🙂");
        assertThat(vocabulary.size()).isEqualTo(text.codePoints().distinct().count());
        int[] ids = vocabulary.encode(text, "text");
        assertThat(ids).hasSize((int) text.codePoints().count());
        assertThat(vocabulary.decode(ids)).isEqualTo(text);
        assertThat(CharVocabulary.fromStored(vocabulary.characters()).encode(text, "text")).isEqualTo(ids);
        assertThat(vocabulary.encode("abe", "x")).containsExactly(
                vocabulary.characters().indexOf('a'), vocabulary.characters().indexOf('b'),
                vocabulary.characters().indexOf('e'));
    }

    @Test
    void unknownCharactersAreNamed() {
        CharVocabulary vocabulary = CharVocabulary.of("abc \n");
        assertThatThrownBy(() -> vocabulary.encode("abZz\t", "--prime"))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("--prime has characters the model never saw")
                .hasMessageContaining("'Z' (U+005A)").hasMessageContaining("'z' (U+007A)")
                .hasMessageContaining("CHARACTER TABULATION");
    }

    @Test
    void theFirstNinetyPercentTrainsAndTheRestValidates() {
        CharCorpus corpus = CharCorpus.of("ab".repeat(500), "mem");
        assertThat(corpus.train()).hasSize(900);
        assertThat(corpus.validation()).hasSize(100);
        assertThat(corpus.unigramEntropy()).isCloseTo(Math.log(2), offset(1e-12));
    }

    @Test
    void emptyOneCharacterAndNonUtf8FilesAreClearErrors() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        assertThatThrownBy(() -> CharCorpus.read(empty)).isInstanceOf(SuiteException.class).hasMessageContaining("is empty");
        Path one = Files.writeString(tmp.resolve("one.txt"), "aaaaaaaa");
        assertThatThrownBy(() -> CharCorpus.read(one)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("only one distinct character").hasMessageContaining("'a'");
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "café".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CharCorpus.read(latin1)).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CharCorpus.read(tmp.resolve("missing.txt"))).isInstanceOf(SuiteException.class)
                .hasMessageContaining("not found");
    }
}
