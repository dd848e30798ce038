package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsuite.common.cli.CliOutcome;
import org.dl4jsuite.common.cli.SuiteCli;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The command line end to end: summary, receptive fields, classify with random full-size weights, user errors. */
class AdversarialCommandTest {
    @TempDir
    static Path tmp;
    private static Path randomWeights;

    /** The real ImageNet photos and class list from the shared data, for the tests that need them. */
    private static Path imagenet() {
        return SharedData.dir().resolve("imagenet");
    }

    private static CliOutcome cli(String... args) {
        return CliOutcome.run(new AdversarialCommand(), args);
    }

    /** Writes {@code net}'s weights as torchvision would name and lay them out (linear weights [out, in]). */
    static void writeTorchNpz(ComputationGraph net, Path npz) throws IOException {
        try (OutputStream file = Files.newOutputStream(npz); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var e : TorchAlexNetWeights.LAYERS.entrySet()) {
                INDArray w = net.getLayer(e.getValue()).getParam("W");
                INDArray b = net.getLayer(e.getValue()).getParam("b");
                NpyBytes.putStored(zip, e.getKey() + ".weight.npy", w.rank() == 2 ? w.transpose() : w);
                NpyBytes.putStored(zip, e.getKey() + ".bias.npy", b.reshape(b.length()));
            }
        }
    }

    @BeforeAll
    static void weights() throws IOException {
        ComputeBackend.initialise(0);
        randomWeights = tmp.resolve("random-alexnet.npz");
        writeTorchNpz(AlexNetModel.build(AlexNetConfig.defaults(), 7), randomWeights);
    }

    @Test
    void summaryCountsTorchvisionsParameters() {
        CliOutcome o = cli("summary");
        assertThat(o.code()).isZero();
        // torchvision's alexnet(): 61,100,840 parameters.
        assertThat(o.out()).contains("61,100,840 parameters").contains("conv1").contains("fc8").contains("6×6");
    }

    @Test
    void receptiveFieldsOfAlexNetAndOfAGivenChain() {
        CliOutcome o = cli("receptive-field", "--net", "alexnet", "--feature", "0,5");
        assertThat(o.code()).isZero();
        assertThat(o.out()).containsPattern("pool3\\s+3\\s+2\\s+0\\s+6\\s+32\\s+195\\s+31.5");
        assertThat(o.out()).contains("feature (0,5) of pool3 sees input rows [-66, 129) and columns [94, 289)");
        CliOutcome custom = cli("receptive-field", "--input", "227", "--layers", "11/4/0,3/2/0");
        assertThat(custom.out()).containsPattern("layer2\\s+3\\s+2\\s+0\\s+27\\s+8\\s+19\\s+9.5");
        assertThat(cli("receptive-field", "--layers", "11/4").code()).isEqualTo(SuiteCli.USER_ERROR);
    }

    @Test
    void classifyPrintsTopFiveImageNetNamesFromNpzWeights() throws IOException {
        // Random weights: the classes are meaningless, but the whole path runs (npz → graph → preprocessing → names).
        Path imagenet = imagenet();
        CliOutcome o = cli("classify", "--model", randomWeights.toString(), "--data-dir", imagenet.toString(),
                imagenet.resolve("n01443537_2675_goldfish.jpg").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("goldfish.jpg (labelled goldfish):").contains(" 1. ").contains(" 5. ").doesNotContain(" 6. ")
                .contains("labelled photos: 1;");
        java.util.List<String> names = Files.readAllLines(imagenet.resolve("imagenet_classes.txt"));
        String first = o.out().lines().filter(l -> l.contains(" 1. ")).findFirst().orElseThrow();
        assertThat(names.stream().anyMatch(n -> first.contains(" " + n.strip() + " "))).as(first).isTrue();
    }

    /** PyTorch's top-5 on photo.png for the narrow .pth fixtures (printed by reference/make_pth_fixtures.py). */
    static final int[] PYTORCH_TOP5 = {777, 463, 113, 612, 668};

    @ParameterizedTest
    @ValueSource(strings = {"alexnet-narrow.pth", "alexnet-narrow-legacy.pth", "alexnet-narrow-f16.pth"})
    void classifyReadsAPyTorchCheckpointAndGivesPyTorchsTopFive(String file) {
        Path weights = TorchAlexNetWeightsTest.pth(file);
        CliOutcome o = cli("classify", "--model", weights.toString(), "--resize", "direct", "--data-dir",
                imagenet().toString(), TorchAlexNetWeightsTest.pth("photo.png").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(classesListed(o.out())).containsExactly(PYTORCH_TOP5);
    }

    @Test
    void importAndSummaryTakeAPyTorchCheckpoint() {
        Path weights = TorchAlexNetWeightsTest.pth("alexnet-narrow.pth");
        CliOutcome summary = cli("summary", "--model", weights.toString());
        assertThat(summary.code()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("AlexNet for alexnet-narrow.pth").contains("fc8");
        Path zip = tmp.resolve("narrow-alexnet.zip");
        CliOutcome imported = cli("import", "--model", weights.toString(), "--data-dir", imagenet().toString(),
                "--output", zip.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        CliOutcome o = cli("classify", "--model", zip.toString(), "--resize", "direct",
                TorchAlexNetWeightsTest.pth("photo.png").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(classesListed(o.out())).containsExactly(PYTORCH_TOP5);
    }

    @Test
    void zooAlexNetWithoutTheFileNamesItsUrlAndFolder() {
        Path empty = tmp.resolve("no-weights-here");
        CliOutcome o = cli("classify", "--zoo", "alexnet", "--data-dir", empty.toString(), "photo.jpg");
        assertThat(o.code()).isEqualTo(SuiteCli.USER_ERROR);
        CliOutcome inData = cli("classify", "--zoo", "alexnet", "--data-dir", imagenet().toString(),
                TorchAlexNetWeightsTest.pth("photo.png").toString());
        assertThat(inData.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(inData.err()).contains("https://download.pytorch.org/models/alexnet-owt-7be5be79.pth")
                .contains("alexnet-owt-7be5be79.pth").contains(imagenet().toString());
    }

    @Test
    void aPthWhosePickleCallsOsSystemExitsWithTwoAndRunsNothing() throws IOException {
        Path marker = tmp.resolve("pwned");
        Path hostile = tmp.resolve("hostile.pth");
        try (OutputStream file = Files.newOutputStream(hostile); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hostile/data.pkl"));
            // Protocol 0, as a malicious pickle is written by hand: os.system('touch MARKER').
            zip.write(("cos\nsystem\n(S'touch " + marker + "'\ntR.").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        CliOutcome o = cli("classify", "--model", hostile.toString(), "--data-dir", imagenet().toString(),
                TorchAlexNetWeightsTest.pth("photo.png").toString());
        assertThat(o.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(o.err()).contains("names the global 'os.system'").contains("hostile.pth")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(marker).doesNotExist();
    }

    /** The class indices of the "(class N)" lines of classify's output, in order. */
    private static int[] classesListed(String out) {
        return out.lines().filter(l -> l.contains("(class ")).mapToInt(l -> Integer.parseInt(
                l.substring(l.indexOf("(class ") + 7, l.indexOf(')', l.indexOf("(class "))))).toArray();
    }

    @Test
    void attackOnALeNetModelZipWritesTableReportPlotAndPanels() throws IOException {
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork lenet = LeNetFashionAttackTest.lenetShaped(3);
        Path zip = tmp.resolve("lenet.zip");
        org.dl4jsuite.common.model.ModelFile.save(lenet, zip, false, org.dl4jsuite.common.model.ModelMetadata.of(
                "lenet-mnist", "lenet-5", org.dl4jsuite.common.model.ModelMetadata.MULTI_LAYER,
                new org.dl4jsuite.common.model.ImageModelFacts("fashion",
                        org.dl4jsuite.common.data.ImageDataset.FASHION.classNames(), 1, 28, 28)));
        Path runs = tmp.resolve("runs");
        CliOutcome o = cli("attack", "--model", zip.toString(), "--dataset", "fashion", "--count", "20", "--attack", "pgd",
                "--eps", "0.05,0.2", "--steps", "5", "--panels", "2", "--out", runs.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("pgd-linf").contains("20 fashion test images").contains("Linf");
        Path run;
        try (var dirs = Files.list(runs.resolve("adversarial"))) {
            run = dirs.findFirst().orElseThrow();
        }
        assertThat(run.resolve("report.md")).exists();
        assertThat(run.resolve("accuracy.png")).exists();
        assertThat(run.resolve("config.json")).exists();
        assertThat(Files.readAllLines(run.resolve("outcomes.jsonl"))).hasSize(40);
        try (var files = Files.list(run)) {
            assertThat(files.filter(f -> f.toString().endsWith("-panel.png")).count()).isEqualTo(4);
        }
        CliOutcome targeted = cli("attack", "--model", zip.toString(), "--dataset", "fashion", "--count", "3", "--attack", "adam",
                "--targets", "1,2", "--steps", "30", "--panels", "0", "--out", runs.toString());
        assertThat(targeted.code()).as(targeted.err()).isZero();
        assertThat(targeted.out()).contains("[target Trouser]").contains("[target Pullover]");
    }

    @Test
    void userErrorsExitWithTwoAndSayWhatIsWrong() throws IOException {
        Path imagenet = imagenet();
        Path bad = tmp.resolve("bad.jpg");
        Files.writeString(bad, "not a jpeg");
        CliOutcome unreadable = cli("classify", "--model", randomWeights.toString(), "--data-dir", imagenet.toString(), bad.toString());
        assertThat(unreadable.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(unreadable.err()).contains("is not a PNG, JPEG or BMP file").contains("bad.jpg");
        CliOutcome weightsOption = cli("classify", "--weights", randomWeights.toString(), bad.toString());
        assertThat(weightsOption.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(weightsOption.err()).contains("Unknown option").contains("--weights");

        CliOutcome target = cli("attack", "--model", randomWeights.toString(), "--data-dir", imagenet.toString(), "--dir",
                imagenet.toString(), "--attack", "adam", "--targets", "5,1000");
        assertThat(target.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(target.err()).contains("target 1000 is outside 0..999");

        CliOutcome eps = cli("attack", "--model", randomWeights.toString(), "--dir", imagenet.toString(), "--eps", "0,8/255");
        assertThat(eps.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(eps.err()).contains("--eps values must be a positive number, got 0.0");
        CliOutcome notFraction = cli("attack", "--model", randomWeights.toString(), "--dir", imagenet.toString(),
                "--eps", "8/x");
        assertThat(notFraction.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(notFraction.err()).startsWith("error: ").contains("'8/x' is not a number or fraction like 8/255");
        CliOutcome unknown = cli("attack", "--model", randomWeights.toString(), "--dir", imagenet.toString(),
                "--attack", "deepfool");
        assertThat(unknown.err()).contains("'deepfool' is not one of: fgsm, bim, pgd, pgd-l2, cw, adam");

        Path missing = tmp.resolve("missing-key.npz");
        try (OutputStream file = Files.newOutputStream(missing); ZipOutputStream zip = new ZipOutputStream(file)) {
            NpyBytes.putStored(zip, "features.0.weight.npy", Nd4j.zeros(64, 3, 11, 11));
        }
        CliOutcome weights = cli("classify", "--model", missing.toString(), "--data-dir", imagenet.toString(),
                imagenet.resolve("n01443537_2675_goldfish.jpg").toString());
        assertThat(weights.code()).isEqualTo(SuiteCli.USER_ERROR);
        assertThat(weights.err()).contains("no array 'features.0.bias'").contains("[64]");
    }
}
