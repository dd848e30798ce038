package org.dl4jsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @TempDir
    Path tmp;

    @Test
    void knownDigestsOfAbc() throws Exception {
        Path file = Files.writeString(tmp.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        assertThat(Checksums.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Checksums.md5(file)).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void knownAdler32OfAbc() throws Exception {
        Path file = Files.writeString(tmp.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        // RFC 1950's Adler-32 of "abc": 0x024d0127.
        assertThat(Checksums.adler32(file)).isEqualTo(0x024d0127L);
    }

    @Test
    void mismatchPrefersSha256AndFallsBackToMd5() throws Exception {
        Path file = Files.writeString(tmp.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        String goodMd5 = "900150983cd24fb0d6963f7d28e17f72";
        String badSha = "00".repeat(32);

        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), badSha, goodMd5, List.of())))
                .contains("SHA-256 expected " + badSha
                        + ", actual ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), null, goodMd5, List.of())))
                .isEmpty();
        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), null, "11".repeat(16), List.of())))
                .contains("MD5 expected " + "11".repeat(16) + ", actual " + goodMd5);
        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), null, null, List.of())))
                .isEmpty();
    }

    @Test
    void aPublishedPrefixOfTheSha256IsCheckedAsFarAsItGoes() throws Exception {
        Path file = Files.writeString(tmp.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), "ba7816bf", null, List.of())))
                .isEmpty();
        assertThat(Checksums.mismatch(file, new DatasetFile("abc.txt", List.of(), "7be5be79", null, List.of())))
                .contains("SHA-256 expected 7be5be79…, actual "
                        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> new DatasetFile("abc.txt", List.of(), "ba78", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 to 64 hex digits");
    }
}
