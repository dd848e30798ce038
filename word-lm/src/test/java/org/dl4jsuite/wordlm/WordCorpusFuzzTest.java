package org.dl4jsuite.wordlm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.io.AtomicFiles;

/**
 * Any bytes given as a corpus folder (the input split at its first two NUL bytes into ptb.train.txt, ptb.valid.txt
 * and ptb.test.txt) are either read (every id below the dictionary's size, the dictionary rebuilt from its stored
 * word list) or refused with the suite's one user error. Replays WordCorpusFuzzTestInputs/ (the first lines of
 * Penn Treebank, and every finding) under {@code mvn verify}; {@code ./fuzz} fuzzes.
 */
class WordCorpusFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRefuses(byte[] bytes) throws IOException {
        byte[][] parts = split(bytes);
        Path dir = Files.createTempDirectory("fuzz-corpus");
        try {
            Files.write(dir.resolve("ptb.train.txt"), parts[0]);
            Files.write(dir.resolve("ptb.valid.txt"), parts[1]);
            Files.write(dir.resolve("ptb.test.txt"), parts[2]);
            WordCorpus corpus = WordCorpus.read(dir.toString(), null);
            int size = corpus.dictionary().size();
            assertThat(size).isGreaterThanOrEqualTo(2);
            for (int[] ids : new int[][] {corpus.train(), corpus.valid(), corpus.test()}) {
                assertThat(IntStream.of(ids)).allMatch(id -> id >= 0 && id < size);
            }
            assertThat(WordDictionary.of(corpus.dictionary().words()).words()).isEqualTo(corpus.dictionary().words());
        } catch (SuiteException e) {
            assertThat(e.getMessage()).isNotBlank();
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    private static byte[][] split(byte[] bytes) {
        byte[][] parts = new byte[3][];
        int start = 0;
        for (int p = 0; p < 2; p++) {
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            parts[p] = Arrays.copyOfRange(bytes, start, end);
            start = Math.min(bytes.length, end + 1);
        }
        parts[2] = Arrays.copyOfRange(bytes, start, bytes.length);
        return parts;
    }
}
