package org.dl4jsuite.charlstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.train.MetricsLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The char-lstm command line end to end on a small text: train, generate, evaluate, and bad input. */
class CharLstmCommandTest {
    private static final String VERSE = """
            Shall I compare thee to a summer's day?
            Thou art more lovely and more temperate:
            Rough winds do shake the darling buds of May,
            And summer's lease hath all too short a date.
            """;

    @TempDir
    static Path tmp;

    private static Path run;

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new CharLstmCommand(), args);
    }

    @BeforeAll
    static void trainASmallModel() throws IOException {
        Path text = Files.writeString(tmp.resolve("verse.txt"), VERSE.repeat(20));
        Path out = tmp.resolve("runs");
        CliOutcome trained = cli("train", "--text", text.toString(), "--out", out.toString(), "--batch-size", "4",
                "--seq-length", "16", "--embedding", "8", "--hidden", "24", "--layers", "1", "--lr", "0.01",
                "--max-steps", "6", "--log-every", "2", "--eval-every", "3", "--checkpoint-every", "3",
                "--sample-length", "30");
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("prediction from input", "  true:", "  predicted:", "generated (temperature 0.8)",
                "val_loss", "val_bpc", "validation loss");
        try (Stream<Path> runs = Files.list(out.resolve("char-lstm"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void trainingWritesTheWholeRunAndRecordsValidationLoss() throws IOException {
        for (String file : List.of("config.json", "metrics.jsonl", "model.zip", "report.md", "loss.png",
                "checkpoints/LATEST")) {
            assertThat(run.resolve(file)).isRegularFile();
        }
        List<Map<String, Object>> evals = MetricsLog.read(run.resolve("metrics.jsonl")).stream()
                .filter(r -> "eval".equals(r.get("type"))).toList();
        assertThat(evals).extracting(r -> r.get("step")).containsExactly(3.0, 6.0);
        for (Map<String, Object> e : evals) {
            assertThat((Double) e.get("val_bpc")).isCloseTo((Double) e.get("val_loss") / Math.log(2),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(Files.readString(run.resolve("report.md"))).contains("validation loss", "bits/char", "loss.png");
        assertThat(CharLstmModelFiles.load(run.resolve("model.zip")).vocabulary().characters())
                .isEqualTo(CharVocabulary.of(VERSE).characters());
    }

    @Test
    void resumeContinuesTheWindowWalkFromTheCheckpoint() throws IOException {
        Path text = Files.writeString(tmp.resolve("verse2.txt"), VERSE.repeat(20));
        Path out = tmp.resolve("resume-runs");
        String[] common = {"train", "--text", text.toString(), "--out", out.toString(), "--batch-size", "4", "--seq-length", "16",
            "--embedding", "8", "--hidden", "16", "--layers", "1", "--log-every", "2", "--eval-every", "100",
            "--checkpoint-every", "100", "--sample-length", "0"};
        CliOutcome first = cli(concat(common, "--max-steps", "3"));
        assertThat(first.code()).as(first.err()).isZero();
        CliOutcome resumed = cli(concat(common, "--resume", "--max-steps", "6"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("from step 3 (epoch 1, batch 3)", "char/s");
        Path resumedRun;
        try (Stream<Path> runs = Files.list(out.resolve("char-lstm"))) {
            resumedRun = runs.findFirst().orElseThrow();
        }
        try (Stream<Path> checkpoints = Files.list(resumedRun.resolve("checkpoints"))) {
            assertThat(checkpoints.filter(p -> p.getFileName().toString().startsWith("ckpt-000000006")))
                    .singleElement().satisfies(p -> assertThat(p.resolve("rnn-state")).isDirectory());
        }
    }

    @Test
    void skipEvalLeavesTheValidationPassOutOfTheEpochEnd() throws IOException {
        Path text = Files.writeString(tmp.resolve("verse3.txt"), VERSE.repeat(8));
        Path out = tmp.resolve("skip-runs");
        CliOutcome trained = cli("train", "--text", text.toString(), "--out", out.toString(), "--batch-size", "4",
                "--seq-length", "16", "--embedding", "8", "--hidden", "16", "--layers", "1", "--epochs", "1",
                "--log-every", "2", "--eval-every", "1000", "--sample-length", "0", "--skip-eval");
        assertThat(trained.code()).as(trained.err()).isZero();
        Path skipRun;
        try (Stream<Path> runs = Files.list(out.resolve("char-lstm"))) {
            skipRun = runs.findFirst().orElseThrow();
        }
        List<Map<String, Object>> epochs = MetricsLog.read(skipRun.resolve("metrics.jsonl")).stream()
                .filter(r -> "epoch".equals(r.get("type"))).toList();
        assertThat(epochs).singleElement().satisfies(e -> assertThat(e).containsKey("loss").doesNotContainKey("val_loss"));
        assertThat(trained.out()).contains("validation loss");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void generateStreamsReproducibleTextAndTemperatureZeroIsGreedy() {
        String model = run.resolve("model.zip").toString();
        CliOutcome a = cli("generate", "--model", model, "--prime", "Shall", "--length", "60", "--seed", "3");
        CliOutcome b = cli("generate", "--model", model, "--prime", "Shall", "--length", "60", "--seed", "3");
        CliOutcome c = cli("generate", "--model", model, "--prime", "Shall", "--length", "60", "--seed", "4",
                "--temperature", "1.5");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).startsWith("Shall").hasSizeGreaterThan(60).isEqualTo(b.out()).isNotEqualTo(c.out());
        CliOutcome greedy1 = cli("generate", "--model", model, "--prime", "Thou", "--length", "40", "--temperature", "0",
                "--seed", "1");
        CliOutcome greedy2 = cli("generate", "--model", model, "--prime", "Thou", "--length", "40", "--temperature", "0",
                "--seed", "2");
        CliOutcome topOne = cli("generate", "--model", model, "--prime", "Thou", "--length", "40", "--top-k", "1",
                "--seed", "5");
        assertThat(greedy1.out()).isEqualTo(greedy2.out()).isEqualTo(topOne.out());
    }

    @Test
    void evaluateReportsTheValidationLossOfTheSavedModel() {
        CliOutcome evaluated = cli("evaluate", "--model", run.resolve("model.zip").toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).containsPattern("validation loss \\d\\.\\d{4} nats/char, \\d\\.\\d{4} bits/char");
    }

    @Test
    void badInputsGetOneLineErrorsAndExitCodeTwo() throws IOException {
        String model = run.resolve("model.zip").toString();
        assertError(cli("generate", "--model", model, "--prime", "ROMEO: Xq"), "never saw", "'O' (U+004F)", "'X'",
                "'q'");
        assertError(cli("generate", "--model", model, "--temperature", "-1"), "--temperature must be 0 (greedy) or positive");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "");
        assertError(cli("train", "--text", empty.toString(), "--out", tmp.resolve("o").toString()), "is empty");
        Path same = Files.writeString(tmp.resolve("same.txt"), "zzzzzzzzzz");
        assertError(cli("train", "--text", same.toString(), "--out", tmp.resolve("o").toString()),
                "only one distinct character");
        Path other = tmp.resolve("lenet.zip");
        ModelFile.save(CharLstmModelFiles.load(run.resolve("model.zip")).network(), other, false,
                new ModelMetadata("lenet-mnist", "lenet-5", ModelMetadata.MULTI_LAYER, Map.of()));
        assertError(cli("generate", "--model", other.toString()), "is a lenet-mnist model", "not a char-lstm model");
        assertError(cli("evaluate", "--model", other.toString()), "not a char-lstm model");
        Path shortText = Files.writeString(tmp.resolve("short.txt"), "abcdefghij");
        assertError(cli("train", "--text", shortText.toString(), "--out", tmp.resolve("o").toString()), "too few");
    }

    private static void assertError(CliOutcome outcome, String... fragments) {
        assertThat(outcome.code()).as(outcome.out()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(outcome.err()).contains(fragments).doesNotContain("\tat ");
        assertThat(outcome.err().strip().lines()).hasSize(1);
    }
}
