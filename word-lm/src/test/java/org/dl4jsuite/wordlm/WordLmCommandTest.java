package org.dl4jsuite.wordlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.train.MetricsLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word-lm command line end to end on a small corpus: train, sample, distance, neighbours, bad input. */
class WordLmCommandTest {
    private static final String LINES = """
            the army marched to the city
            the taxpayer paid the army
            the city paid the taxpayer
            a soldier of the army marched
            """;

    @TempDir
    static Path tmp;

    private static Path run;
    private static String trainOutput;

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new WordLmCommand(), args);
    }

    @BeforeAll
    static void trainASmallModel() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("ptb.train.txt"), LINES.repeat(12));
        Files.writeString(corpus.resolve("ptb.valid.txt"), LINES.repeat(3));
        Files.writeString(corpus.resolve("ptb.test.txt"), LINES.repeat(3));
        Path out = tmp.resolve("runs");
        CliOutcome trained = cli("train", "--corpus", corpus.toString(), "--out", out.toString(), "--epochs", "2",
                "--batch-size", "4", "--seq-length", "6", "--embedding", "8", "--hidden", "16", "--lr", "0.01",
                "--log-every", "3", "--memory-every", "5", "--export-init", tmp.resolve("init").toString());
        assertThat(trained.code()).as(trained.err()).isZero();
        trainOutput = trained.out();
        try (Stream<Path> runs = Files.list(out.resolve("word-lm"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void trainingPrintsTheNotebookLineAndWritesTheRun() {
        // 12 × 26 words = 312 → 78 columns of 4 streams; windows of 6: i = 0..66 → 12 steps, 78 // 6 = 13 printed.
        assertThat(trainOutput).contains("12 steps per epoch".replace("12", "13"))
                .contains("Epoch [1/2], Step[0/13], Loss: ", "Epoch [1/2], Step[3/13]", "Epoch [2/2], Step[9/13]")
                .doesNotContain("Step[12/13]");
        for (String file : List.of("config.json", "metrics.jsonl", "model.zip", "report.md", "train_perplexity.png",
                "valid_perplexity.png")) {
            assertThat(run.resolve(file)).isRegularFile();
        }
    }

    @Test
    void exportInitWritesTheStartingWeightsForThePyTorchReference() {
        assertThat(trainOutput).contains("starting weights: 6 .npy files");
        // embedding, LSTM W / RW / b, softmax W / b, as reference/dl4j_weights.py reads them
        for (String key : List.of("0_W", "1_W", "1_RW", "1_b", "2_W", "2_b")) {
            assertThat(tmp.resolve("init").resolve(key + ".npy")).isRegularFile();
        }
        assertThat(org.nd4j.linalg.factory.Nd4j.createFromNpyFile(tmp.resolve("init").resolve("1_RW.npy").toFile()).shape())
                .containsExactly(16, 64);
        CliOutcome resumed = cli("train", "--resume", run.toString(), "--export-init", tmp.resolve("init2").toString());
        assertThat(resumed.code()).isEqualTo(2);
        assertThat(resumed.err()).contains("--export-init", "--resume");
    }

    @Test
    void everyEpochRecordsHeldOutPerplexityAndMemoryIsLogged() {
        List<Map<String, Object>> metrics = MetricsLog.read(run.resolve("metrics.jsonl"));
        List<Map<String, Object>> epochs = metrics.stream().filter(r -> "epoch".equals(r.get("type"))).toList();
        assertThat(epochs).hasSize(2);
        // 11 tokens (10 words and <eos>): guessing uniformly scores 11, the corpus's word frequencies alone 8.85.
        // Measured: 8.53 after the first epoch, 5.90 after the second (valid and test are the same text here).
        for (Map<String, Object> e : epochs) {
            assertThat((Double) e.get("valid_perplexity")).isGreaterThan(1.0).isLessThan(11.0);
            assertThat((Double) e.get("test_perplexity")).isGreaterThan(1.0).isLessThan(11.0);
        }
        double first = (Double) epochs.get(0).get("valid_perplexity");
        double last = (Double) epochs.get(1).get("valid_perplexity");
        assertThat(last).as("the second epoch's perplexity, below word frequencies alone").isLessThan(first).isLessThan(7.0);
        assertThat((Double) epochs.get(1).get("test_perplexity")).isLessThan(7.0);
        // at the start, every --memory-every 5 steps and at the end of the run
        List<Map<String, Object>> memory = metrics.stream().filter(r -> "memory".equals(r.get("type"))).toList();
        assertThat(memory).extracting(r -> r.get("step")).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 24.0);
        assertThat((Double) memory.get(0).get("rss_mib")).isGreaterThan(10.0);
    }

    @Test
    void samplingIsReproducibleWithASeedAndWritesEosAsALineBreak() throws IOException {
        String model = run.resolve("model.zip").toString();
        Path file = tmp.resolve("sample.txt");
        CliOutcome first = cli("sample", "--model", model, "--words", "40", "--seed", "7", "--output", file.toString());
        CliOutcome again = cli("sample", "--model", model, "--words", "40", "--seed", "7");
        CliOutcome other = cli("sample", "--model", model, "--words", "40", "--seed", "8");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(again.out()).isNotEqualTo(other.out()).doesNotContain("<eos>");
        assertThat(first.out().split("[ \n]+")).hasSize(40 - (int) first.out().chars().filter(c -> c == '\n').count());
        assertThat(Files.readString(file)).isEqualTo(first.out());
        CliOutcome greedy = cli("sample", "--model", model, "--words", "12", "--start", "the", "--greedy");
        assertThat(greedy.out()).isEqualTo(cli("sample", "--model", model, "--words", "12", "--start", "the",
                "--greedy", "--seed", "99").out());
    }

    @Test
    void distanceAndNeighboursReadTheEmbeddings() {
        String model = run.resolve("model.zip").toString();
        CliOutcome distance = cli("distance", "--model", model, "army", "taxpayer");
        assertThat(distance.code()).as(distance.err()).isZero();
        assertThat(distance.out()).containsPattern("army – taxpayer: Euclidean distance \\d+\\.\\d{4}, "
                + "cosine similarity -?\\d\\.\\d{4}");
        CliOutcome neighbours = cli("neighbours", "--model", model, "army", "-k", "3");
        assertThat(neighbours.code()).as(neighbours.err()).isZero();
        assertThat(neighbours.out()).contains("nearest to 'army'").doesNotContain(" army ");
        assertThat(neighbours.out().lines().filter(l -> l.matches("\\s*[123]\\s+\\S+\\s+-?\\d.*"))).hasSize(3);
    }

    @Test
    void anUnknownWordExitsWithTwoAndSuggestsCloseSpellings() {
        String model = run.resolve("model.zip").toString();
        CliOutcome distance = cli("distance", "--model", model, "armie", "taxpayer");
        assertThat(distance.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(distance.err()).contains("unknown word 'armie'", "did you mean army");
        CliOutcome start = cli("sample", "--model", model, "--start", "sity");
        assertThat(start.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(start.err()).contains("unknown word 'sity' in --start", "city");
    }
}
