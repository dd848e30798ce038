package org.dl4jsuite.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.wordlm.WordLmCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark-word-lm} end to end on local[2] over the first lines of the real Penn Treebank: training, held-out
 * perplexity, the model read by word-lm, resume, bad input.
 */
class SparkWordLmCommandTest {
    @TempDir
    Path tmp;

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new DistributedCommand(), args);
    }

    /**
     * A corpus folder of PTB's first 400 training lines; its held-out texts are lines 1–80 and 81–160 of them (PTB's
     * own would hold words outside this smaller vocabulary).
     */
    private Path ptbHead() throws IOException {
        List<String> train;
        try (Stream<String> lines = Files.lines(SharedData.dir().resolve("ptb").resolve("ptb.train.txt"))) {
            train = lines.limit(400).toList();
        }
        Path corpus = Files.createDirectories(tmp.resolve("ptb-head"));
        Files.write(corpus.resolve("ptb.train.txt"), train);
        Files.write(corpus.resolve("ptb.valid.txt"), train.subList(0, 80));
        Files.write(corpus.resolve("ptb.test.txt"), train.subList(80, 160));
        return corpus;
    }

    private String[] small(Path corpus, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("spark-word-lm", "--corpus", corpus.toString(),
                "--out", out.toString(), "--batch-size", "4", "--seq-length", "10", "--embedding", "16",
                "--hidden", "32", "--lr", "0.01", "--log-every", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void trainsOnTwoLocalWorkersAndTheModelIsAWordLmRunThatResumes() throws IOException {
        Path corpus = ptbHead();
        Path out = tmp.resolve("runs");
        CliOutcome first = cli(small(corpus, out, "--master", "local[2]", "--averaging-windows", "4",
                "--max-steps", "8"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 workers, averaging every 4 windows of 4 streams × 10 words "
                + "(one step = 8 windows)", "valid perplexity").doesNotContain("Epoch [1/5], Step[");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve(SparkWordLmCommand.MODULE))) {
            run = runs.findFirst().orElseThrow();
        }
        List<Map<String, Object>> steps = MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "step");
        assertThat(steps).extracting(r -> r.get("step")).containsExactly(2.0, 4.0, 6.0, 8.0);
        double firstLoss = ((Number) steps.get(0).get("loss")).doubleValue();
        double lastLoss = ((Number) steps.get(3).get("loss")).doubleValue();
        System.out.printf("spark-word-lm local[2], 8 rounds of 2 blocks of 4 windows: loss %.3f -> %.3f%n",
                firstLoss, lastLoss);
        assertThat(lastLoss).isLessThan(firstLoss - 0.5);
        double perplexity = ((Number) MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "final")
                .get(0).get("valid_perplexity")).doubleValue();
        assertThat(perplexity).isFinite().isLessThan(Math.exp(firstLoss));

        CliOutcome sampled = CliOutcome.run(new WordLmCommand(), "sample", "--model", run.resolve("model.zip").toString(),
                "--words", "10", "--seed", "1");
        assertThat(sampled.code()).as(sampled.err()).isZero();
        assertThat(sampled.out().trim()).isNotEmpty();

        // Resumed with another block size: the run keeps its recorded one, so its steps count the same rounds.
        CliOutcome resumed = cli("spark-word-lm", "--master", "local[1]", "--resume", run.toString(),
                "--max-steps", "10", "--averaging-windows", "2");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming " + run + " from step 8", "keeps its 2 workers averaging every 4");
        assertThat(MetricsLog.ofType(MetricsLog.read(run.resolve("metrics.jsonl")), "step"))
                .extracting(r -> r.get("step")).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0);
    }

    @Test
    void badInputIsOneMessageAndLeavesNoRunFolder() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Path corpus = ptbHead();
        Path out = tmp.resolve("runs");
        assertUserError(cli(small(corpus, out, "--master", "spark://127.0.0.1:" + freePort, "--workers", "2")),
                "cannot reach the Spark master spark://127.0.0.1:" + freePort);
        assertUserError(cli(small(corpus, out, "--averaging-windows", "0")), "--averaging-windows must be positive");
        assertUserError(cli(small(corpus, out, "--ui")), "--ui is not available for distributed training");
        assertUserError(cli(small(corpus, out, "--master", "yarn")), "give --workers");
        assertThat(out).doesNotExist();
        assertUserError(cli(small(corpus, out, "--averaging-windows", "5000")), "fewer than the 5000 of one block");
        assertUserError(cli(small(tmp.resolve("nowhere"), out)), "nowhere");
    }

    private static void assertUserError(CliOutcome result, String message) {
        assertThat(result.code()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }
}
