package org.dl4jsuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.runtime.MemorySampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakReportCommandTest {
    @TempDir
    Path tmp;

    /**
     * An hour of samples every 10 s: RSS sawing between 1,000 and 1,100 MiB on a trend of +{@code perHour} MiB/h after a
     * first minute at 500 MiB, 1,300 MiB whenever the run is in its evaluation phase (every tenth sample).
     */
    private Path samples(double perHour) throws IOException {
        StringBuilder csv = new StringBuilder(MemorySampler.HEADER).append('\n');
        for (int i = 0; i <= 360; i++) {
            double seconds = 10.0 * i;
            boolean eval = i % 10 == 5;
            double rss = seconds < 60 ? 500 : (eval ? 1300 : 1000 + 100 * (i % 2)) + perHour * seconds / 3600;
            csv.append(String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%.1f,%s%n", seconds, rss, 40.0, 64.0, 390.0,
                    seconds < 60 ? "start" : eval ? "eval" : "train"));
        }
        csv.append("3610.0,99"); // a last line cut short when the process was killed
        return Files.writeString(tmp.resolve("soak-" + perHour + ".csv"), csv);
    }

    @Test
    void printsThePeakPerPhaseAndTheGrowthOfThePeaksPerHour() throws IOException {
        Path png = tmp.resolve("soak.png");
        CliOutcome result = CliOutcome.run(new BenchCommand(), "soak-report", samples(60).toString(), "--warm-up",
                "120", "--output", png.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("samples: 361 over 60.0 min", "peak: RSS 1,359 MiB, heap in use 40 MiB",
                "tracked 390 MiB", "train 1,160 MiB", "eval 1,359 MiB", "eval / train peak RSS: 1.17×");
        assertThat(result.out()).containsPattern("growth after warm-up: \\+(5[89]|6[01]) MiB per hour");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
        // 36 evaluations split the training into 36 stretches (the last runs to the end); the first peaks at 1,102.
        assertThat(result.out()).contains("peak RSS of the 36 training stretches (between evaluations, or sweep "
                + "points): 1,102, ");
    }

    @Test
    void flatSamplesGrowByNothing() throws IOException {
        CliOutcome result = CliOutcome.run(new BenchCommand(), "soak-report", samples(0).toString(), "--output",
                tmp.resolve("flat.png").toString());
        assertThat(result.out()).contains("growth after warm-up: +0 MiB per hour (+0.0% per hour)");
    }

    @Test
    void aFileThatIsNotASamplerCsvIsAUserError() throws IOException {
        Path other = Files.writeString(tmp.resolve("metrics.csv"), "step,loss\n1,2.0\n");
        CliOutcome result = CliOutcome.run(new BenchCommand(), "soak-report", other.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a memory-sample file", MemorySampler.HEADER);
    }

    @Test
    void aRunShorterThanItsWarmUpIsAUserError() throws IOException {
        CliOutcome result = CliOutcome.run(new BenchCommand(), "soak-report", samples(0).toString(), "--warm-up",
                "7200", "--output", tmp.resolve("short.png").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("not longer than its warm-up of 7200 s");
    }
}
