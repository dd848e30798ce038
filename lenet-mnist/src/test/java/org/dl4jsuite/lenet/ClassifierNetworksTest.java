package org.dl4jsuite.lenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.data.SharedData;
import org.dl4jsuite.common.runtime.ComputeBackend;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/** The reference's experiments' networks: the MLP with its widths, activations and initialisations; LeNet-5 on CIFAR-10. */
class ClassifierNetworksTest {
    @BeforeAll
    static void backend() {
        ComputeBackend.initialise(0);
    }

    private static LeNetConfig config(String... options) {
        return TrainConfig.with(new LeNetConfig(), options);
    }

    @Test
    void theMlpIsInputHiddenSoftmaxWithTheHiddenWidthAMultipleOfTheInput() {
        MultiLayerNetwork mlp = LeNetModel.build(config("--net", "mlp", "--hidden-mult", "2", "--activation", "sigmoid"), 1);
        assertThat(mlp.getnLayers()).isEqualTo(2);
        assertThat(mlp.numParams()).isEqualTo(784L * 1568 + 1568 + 1568L * 10 + 10);
        assertThat(((BaseLayer) mlp.getLayerWiseConfigurations().getConf(0).getLayer()).getActivationFn())
                .isInstanceOf(ActivationSigmoid.class);
        assertThat(mlp.getLayer(0).getParam("b").sumNumber().doubleValue()).isZero();
    }

    @Test
    void eachInitialisationHasItsScale() {
        assertThat(LeNetModel.build(config("--net", "mlp", "--init", "zeros"), 1).getLayer(0).getParam("W")
                .amaxNumber().doubleValue()).isZero();
        // He normal: std sqrt(2 / 784) = 0.0505; Xavier uniform: bound sqrt(6 / (784 + 784)) = 0.0619
        double he = LeNetModel.build(config("--net", "mlp", "--init", "he"), 1).getLayer(0).getParam("W")
                .stdNumber().doubleValue();
        assertThat(he).isBetween(0.049, 0.052);
        double xavierBound = LeNetModel.build(config("--net", "mlp", "--init", "xavier-uniform"), 1).getLayer(0)
                .getParam("W").amaxNumber().doubleValue();
        assertThat(xavierBound).isBetween(0.060, 0.0619);
        // PyTorch's default: U(±1/sqrt(784)) = ±0.0357
        double torch = LeNetModel.build(config("--net", "mlp"), 1).getLayer(0).getParam("W").amaxNumber().doubleValue();
        assertThat(torch).isBetween(0.035, 0.0358);
    }

    @Test
    void theOptimizersAreDl4jsWithTorchsSettings() {
        assertThat(LeNetModel.updater(config("--optimizer", "sgd", "--lr", "0.1", "--momentum", "0.5")))
                .isEqualTo(new Nesterovs(0.1, 0.5));
        assertThat(LeNetModel.updater(config("--optimizer", "rmsprop", "--lr", "0.01")))
                .isEqualTo(new RmsProp(0.01, 0.99, 1e-8));
        assertThatThrownBy(() -> config("--net", "handwritten", "--activation", "sigmoid"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("ReLU only");
        assertThatThrownBy(() -> config("--momentum", "1"))
                .isInstanceOf(SuiteException.class).hasMessageContaining("--momentum must be at least 0 and below 1");
    }

    @Test
    void leNetOnCifarTakesThreeByThirtyTwoImages() {
        MultiLayerNetwork net = LeNetModel.build(config("--dataset", "cifar10"), 1);
        // conv1 3·25·6+6, conv2 6·25·16+16, fc1 400·120+120, fc2 120·84+84, out 84·10+10
        assertThat(net.numParams()).isEqualTo(456 + 2416 + 48120 + 10164 + 850);
        assertThat(net.output(org.nd4j.linalg.factory.Nd4j.rand(2, 3 * 32 * 32)).shape()).containsExactly(2, 10);
        assertThat(LeNetModelFiles.metadata(config("--dataset", "cifar10")).properties())
                .containsEntry("channels", 3).containsEntry("height", 32);
    }

    @Test
    void theSigmoidMlpLearnsMnistWithSgd() {
        ResolvedDataset files = ImageDataset.MNIST.resolve(SharedData.dir().resolve("mnist"));
        ImageClassData train = ImageDataset.MNIST.train(files).head(6400);
        ImageClassData test = ImageDataset.MNIST.test(files).head(2000);
        MultiLayerNetwork mlp = LeNetModel.build(config("--net", "mlp", "--activation", "sigmoid", "--optimizer", "sgd",
                "--lr", "0.1", "--init", "xavier"), 3);
        InMemoryBatches batches = new InMemoryBatches(train.features(), train.labels(), 64, 3, true);
        for (java.util.Iterator<DataSet> it = batches.epoch(0, 0); it.hasNext(); ) {
            mlp.fit(it.next());
        }
        double accuracy = Predictions.accuracy(Predictions.classes(mlp, test.features(), 1000), test.labelIndex());
        System.out.printf("sigmoid MLP, SGD 0.1, 100 steps: test accuracy %.3f%n", accuracy);
        assertThat(accuracy).isGreaterThan(0.8);
    }

    @Test
    void aStandardisedAveragedRunIsEvaluatedTheWayItWasTrained(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        String mnist = SharedData.dir().resolve("mnist").toString();
        org.dl4jsuite.common.cli.CliOutcome train = org.dl4jsuite.common.cli.CliOutcome.run(new LeNetCommand(), "train",
                "--standardize", "--ema", "0.99", "--net", "mlp", "--max-steps", "60", "--log-every", "20", "--out",
                tmp.toString(), "--data-dir", mnist);
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).containsPattern("inputs standardised: \\(pixel - 0\\.13\\d\\d\\) / 0\\.30\\d\\d");
        java.util.regex.Matcher trained = java.util.regex.Pattern.compile("test accuracy ([0-9.]+)%").matcher(train.out());
        assertThat(trained.find()).isTrue();
        java.nio.file.Path model;
        try (java.util.stream.Stream<java.nio.file.Path> runs = java.nio.file.Files.list(tmp.resolve("lenet-mnist"))) {
            model = runs.findFirst().orElseThrow().resolve("model.zip");
        }
        LeNetModelFiles.Loaded loaded = LeNetModelFiles.load(model);
        assertThat(loaded.facts().standardized()).isTrue();
        org.dl4jsuite.common.cli.CliOutcome evaluate = org.dl4jsuite.common.cli.CliOutcome.run(new LeNetCommand(),
                "evaluate", "--model", model.toString(), "--data-dir", mnist);
        assertThat(evaluate.out()).contains("test accuracy " + trained.group(1) + "%");
        assertThat(Double.parseDouble(trained.group(1))).isGreaterThan(80);
    }
}
