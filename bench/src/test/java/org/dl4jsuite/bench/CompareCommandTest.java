package org.dl4jsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.cli.CliOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path tmp;

    private Path run(String name, String rateKey, double... rates) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < rates.length; i++) {
            lines.append(String.format("{\"type\":\"step\",\"step\":%d,\"epoch\":1,\"loss\":%.2f,\"%s\":%.1f,\"wall_s\":%d}%n",
                    100 * (i + 1), 2.0 - 0.5 * i, rateKey, rates[i], i + 1));
        }
        // Python writes NaN for a figure it did not compute; it must not stop the comparison.
        lines.append("{\"type\":\"epoch\",\"step\":300,\"epoch\":1,\"loss\":1.5,\"valid_perplexity\":NaN}\n");
        Files.writeString(dir.resolve("metrics.jsonl"), lines);
        return dir;
    }

    @Test
    void overlaysBothCurvesAndPrintsTheThroughputRatioWithoutTheWarmUpWindow() throws IOException {
        Path dl4j = run("dl4j", "examples_per_s", 10, 200, 200);
        Path torch = run("torch", "examples_per_s", 50, 100, 100);
        Path png = tmp.resolve("overlay.png");
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", dl4j.toString(), torch.toString(),
                "--output", png.toString(), "--label", "DL4J", "--label", "PyTorch");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("DL4J", "PyTorch", "2.00", "1.0000");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
    }

    @Test
    void readsTokenThroughputOfTheWordLmReference() throws IOException {
        Path a = run("a", "tokens_per_s", 1, 300, 300);
        Path b = run("b", "tokens_per_s", 1, 600, 600);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", a.toString(), b.toString(),
                "--output", tmp.resolve("o.png").toString());
        assertThat(result.out()).contains("0.50");
    }

    @Test
    void withTheWorkPerExampleAndThePeakItPrintsGflopsAndTheirShare() throws IOException {
        Path a = run("a", "tokens_per_s", 1, 300, 300);
        Path b = run("b", "tokens_per_s", 1, 600, 600);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", a.toString(), b.toString(),
                "--output", tmp.resolve("o.png").toString(), "--flop-per-example", "1e8", "--peak-gflops", "120");
        assertThat(result.code()).as(result.err()).isZero();
        // 300 tokens/s × 1e8 = 30 GFLOP/s = 25% of 120; 600 × 1e8 = 60 = 50%.
        assertThat(result.out()).contains("30.0", "25%", "60.0", "50%", "sgemm peak 120.0 GFLOP/s");
    }

    @Test
    void printsTheDl4jRunsPeakHeapAndOffHeapAndADashForTheReference() throws IOException {
        Path dl4j = Files.createDirectories(tmp.resolve("dl4j-mem"));
        Files.writeString(dl4j.resolve("metrics.jsonl"), """
                {"type":"step","step":100,"loss":2.0,"examples_per_s":10,"heap_mib":120.5,"offheap_mib":900}
                {"type":"step","step":200,"loss":1.5,"examples_per_s":20,"heap_mib":80,"offheap_mib":1234.4}
                """);
        Path torch = run("torch", "examples_per_s", 40, 40);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", dl4j.toString(), torch.toString(),
                "--output", tmp.resolve("o.png").toString(), "--label", "DL4J", "--label", "PyTorch");
        assertThat(result.code()).as(result.err()).isZero();
        String dl4jRow = result.out().lines().filter(l -> l.startsWith("DL4J")).findFirst().orElseThrow();
        String torchRow = result.out().lines().filter(l -> l.startsWith("PyTorch")).findFirst().orElseThrow();
        assertThat(dl4jRow).contains("121", "1,234");
        assertThat(torchRow.strip()).endsWith("-");
    }

    @Test
    void withBothPeakRssFiguresItPrintsThemAndTheirRatioBesideTheThroughputRatio() throws IOException {
        Path dl4j = run("dl4j-rss", "examples_per_s", 1, 300, 300);
        Path torch = run("torch-rss", "examples_per_s", 1, 200, 200);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", dl4j.toString(), torch.toString(),
                "--output", tmp.resolve("o.png").toString(), "--label", "DL4J", "--label", "PyTorch",
                "--peak-rss", "1260", "--peak-rss", "630");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("peak RSS MiB", "RSS ratio to PyTorch");
        String dl4jRow = result.out().lines().filter(l -> l.startsWith("DL4J")).findFirst().orElseThrow();
        assertThat(dl4jRow).contains("1.50", "1,260", "2.00");
        String torchRow = result.out().lines().filter(l -> l.startsWith("PyTorch")).findFirst().orElseThrow();
        assertThat(torchRow).contains("630", "1.00");
    }

    @Test
    void threeRunsGiveEachRunsRatioToBothReferences() throws IOException {
        Path dl4j = run("dl4j3", "tokens_per_s", 1, 900, 900);
        Path old = run("torch113", "tokens_per_s", 1, 300, 300);
        Path current = run("torch27", "tokens_per_s", 1, 600, 600);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", dl4j.toString(), old.toString(),
                current.toString(), "--output", tmp.resolve("o.png").toString(), "--label", "DL4J",
                "--label", "PyTorch 1.13", "--label", "PyTorch 2.7", "--peak-rss", "800", "--peak-rss", "400",
                "--peak-rss", "1000");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("ratio to PyTorch 1.13", "ratio to PyTorch 2.7", "RSS ratio to PyTorch 2.7");
        String dl4jRow = result.out().lines().filter(l -> l.startsWith("DL4J")).findFirst().orElseThrow();
        // 900 / 300 and 900 / 600; RSS 800 / 400 and 800 / 1000.
        assertThat(dl4jRow).contains("3.00", "1.50", "2.00", "0.80");
    }

    @Test
    void aLabelCountThatIsNotOnePerRunIsAUserError() throws IOException {
        Path a = run("a", "tokens_per_s", 1, 300, 300);
        Path b = run("b", "tokens_per_s", 1, 600, 600);
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", a.toString(), b.toString(), a.toString(),
                "--output", tmp.resolve("o.png").toString(), "--label", "DL4J", "--label", "PyTorch");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--label was given 2 times for 3 runs");
    }

    @Test
    void aFolderWithoutMetricsIsAUserError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliOutcome result = CliOutcome.run(new BenchCommand(), "compare", empty.toString(), empty.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no metrics.jsonl");
    }
}
