package org.dl4jsuite.charlstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.runtime.MemoryLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run driven past its off-heap limit (JavaCPP's maxbytes, which bounds the LSTM's oneDNN buffers) in a
 * JVM of its own: one line naming the setting to raise, exit code 2, and the last checkpoint as it was.
 */
class MemoryLimitTest {
    private static final String VERSE = "Shall I compare thee to a summer's day?\nThou art more lovely and more temperate:\n";

    @TempDir
    Path tmp;

    @Test
    void aRunPastTheOffHeapLimitStopsWithTheSettingToRaiseAndKeepsItsCheckpoint() throws Exception {
        Path text = Files.writeString(tmp.resolve("verse.txt"), VERSE.repeat(40));
        List<String> train = List.of("train", "--text", text.toString(), "--out", tmp.resolve("runs").toString(),
                "--batch-size", "4", "--seq-length", "16", "--embedding", "8", "--hidden", "16", "--layers", "1",
                "--log-every", "1", "--eval-every", "100", "--checkpoint-every", "3", "--sample-length", "0");
        CliOutcome first = CliOutcome.run(new CharLstmCommand(), with(train, "--max-steps", "3"));
        assertThat(first.code()).as(first.err()).isZero();
        Path checkpoints = onlyRun().resolve("checkpoints");
        Map<String, String> before = contents(checkpoints);

        Process limited = new ProcessBuilder(concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx512m", "-Dorg.bytedeco.javacpp.maxbytes=4K", "-cp",
                System.getProperty("java.class.path"), CharLstmCommand.class.getName()),
                with(train, "--resume", "--max-steps", "6"))).redirectErrorStream(false).start();
        limited.getOutputStream().close();
        String out = new String(limited.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(limited.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(limited.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(limited.exitValue()).as(out + err).isEqualTo(2);
        assertThat(err).as(out).contains("error: out of off-heap memory", MemoryLimits.OFF_HEAP_VARIABLE + "=",
                "of its 4 KiB", "the last good checkpoint is " + checkpoints.resolve("ckpt-"), "continue with --resume");
        assertThat(err.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
        assertThat(contents(checkpoints)).as("the checkpoints after the failed resume").isEqualTo(before);

        CliOutcome resumed = CliOutcome.run(new CharLstmCommand(), with(train, "--resume", "--max-steps", "6"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("from step 3");
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(tmp.resolve("runs").resolve("char-lstm"))) {
            return runs.reduce((a, b) -> {
                throw new AssertionError("more than one run: " + a + ", " + b);
            }).orElseThrow();
        }
    }

    /** Every file under {@code dir}, relative path to its bytes (as text, to compare). */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static String[] with(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static List<String> concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
