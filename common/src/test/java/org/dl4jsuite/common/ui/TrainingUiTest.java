package org.dl4jsuite.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.Prerequisite;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's training UI in a real browser: a short training records into the run folder's stats file while the UI
 * serves it; headless Chromium (which must exit with 0) loads the overview page, whose screenshot must show the score
 * line and whose rendered DOM the score chart drawn and the updates counted; then the same file is served again
 * after the run, as {@code ui RUN_DIR} does, and checked the same way.
 */
class TrainingUiTest {
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    /** The colour the overview page draws the score series in (RGB 250, 88, 51). */
    private static final int SCORE_LINE = 0xfa5833;

    @TempDir
    Path run;

    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        Prerequisite.require(false, "no Chromium (/usr/bin/chromium, chromium-browser or google-chrome) to load the UI in:"
                + " install the package chromium (apt-get install chromium)");
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The overview page's DOM after its scripts ran; its screenshot is taken first and checked. */
    private static String render(Path browser, String url, Path screenshot) throws Exception {
        Files.createDirectories(screenshot.getParent());
        List<String> common = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--virtual-time-budget=15000", "--window-size=1400,1100");
        Files.deleteIfExists(screenshot);
        Process shot = new ProcessBuilder(concat(common, "--screenshot=" + screenshot.toAbsolutePath(), url))
                .redirectErrorStream(true).start();
        String shotLog = new String(shot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shot.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(shot.exitValue()).as("chromium --screenshot exit code; its output:%n%s", shotLog).isZero();
        assertScoreLineDrawn(screenshot);
        Process dom = new ProcessBuilder(concat(common, "--dump-dom", url)).start();
        // stderr read on its own thread: a full pipe would stall chromium while stdout is being read.
        CompletableFuture<String> domLog = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(dom.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String html = new String(dom.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dom.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(dom.exitValue()).as("chromium --dump-dom exit code; its stderr:%n%s", domLog.join()).isZero();
        return html;
    }

    /**
     * The screenshot shows the score line drawn: a PNG at the window's size whose score panel (the top 450 rows at
     * this size) has the score series' colour in more than 500 pixel columns (the line spans the chart, about 750).
     */
    private static void assertScoreLineDrawn(Path screenshot) throws IOException {
        assertThat(screenshot).isNotEmptyFile();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("%s is a PNG", screenshot).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(image.getHeight()).isEqualTo(1100);
        int columns = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < 450; y++) {
                if ((image.getRGB(x, y) & 0xffffff) == SCORE_LINE) {
                    columns++;
                    break;
                }
            }
        }
        assertThat(columns).as("pixel columns of the score line in %s", screenshot).isGreaterThan(500);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.01))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void theOverviewShowsTheScoreChartDuringTrainingAndAgainFromTheRunFolder() throws Exception {
        Path browser = chromium();
        MultiLayerNetwork net = network();
        Nd4j.getRandom().setSeed(5);
        DataSet batch = new DataSet(Nd4j.rand(32, 4), Nd4j.eye(3).getRows(new int[32]).dup());
        for (int i = 0; i < 32; i++) {
            batch.getLabels().getRow(i).assign(Nd4j.eye(3).getRow(i % 3));
        }
        String live;
        try (TrainingUi ui = TrainingUi.serve(run.resolve(TrainingUi.STATS_FILE), freePort())) {
            net.addListeners(ui.listener());
            for (int step = 0; step < 60; step++) {
                net.fit(batch);
            }
            live = render(browser, ui.url(), SCREENSHOTS.resolve("overview-live.png"));
        }
        assertDrawn(live);

        try (TrainingUi replay = TrainingUi.replay(run, freePort())) {
            assertDrawn(render(browser, replay.url(), SCREENSHOTS.resolve("overview-replay.png")));
        }
    }

    /**
     * The score chart has flot's canvas and axis labels, and the model table counts the updates the listener
     * reported (it samples: 60 steps report about 50).
     */
    private static void assertDrawn(String html) {
        int chart = html.indexOf("id=\"scoreiterchart\"");
        assertThat(chart).as("the overview page has its score chart").isPositive();
        String chartArea = html.substring(chart, Math.min(html.length(), chart + 6000));
        assertThat(chartArea).contains("flot-base").contains("flot-tick-label");
        java.util.regex.Matcher updates = java.util.regex.Pattern
                .compile("id=\"totalParamUpdates\"[^>]*>\\s*(\\d+)\\s*<").matcher(html);
        assertThat(updates.find()).as("the model table shows the update count").isTrue();
        assertThat(Integer.parseInt(updates.group(1))).isBetween(10, 60);
        assertThat(html).containsPattern("id=\"modelType\"[^>]*>\\s*MultiLayerNetwork\\s*<");
    }
}
