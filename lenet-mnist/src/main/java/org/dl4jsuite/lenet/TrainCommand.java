package org.dl4jsuite.lenet;

import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.cli.ModuleDefaults;
import org.dl4jsuite.common.cli.TrainingOptions;
import org.dl4jsuite.common.convolution.InputConvolutionLayer;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.dl4jsuite.common.runtime.LayerImplementation;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.MnistVariant;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;
import org.dl4jsuite.common.train.Predictions;
import org.dl4jsuite.common.train.StopSignal;
import org.dl4jsuite.common.train.Trainer;
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: trains LeNet-5, reports per-epoch loss and test accuracy, writes plots, report and model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 (Adam, cross-entropy); writes runs/lenet-mnist/<time>/.")
public final class TrainCommand implements Callable<Integer>, ModuleDefaults {
    private static final LeNetConfig DEFAULTS = LeNetConfig.defaults();

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Option(names = "--dataset", description = "mnist or fashion (Fashion-MNIST).")
    String dataset = DEFAULTS.dataset();

    @Option(names = "--batch-size", description = "Examples per training step.")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--lr", description = "Adam learning rate.")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--log-every", paramLabel = "STEPS", description = "Print and record the loss every STEPS steps.")
    int logEvery = DEFAULTS.logEvery();

    @Option(names = "--layers", description = "dl4j (DL4J's layers) or handwritten (common's hand-derived layers).")
    String layers = DEFAULTS.layers();

    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--epochs", Integer.toString(LeNetConfig.EPOCHS));
    }

    @Override
    public Integer call() {
        LeNetConfig requested = new LeNetConfig(dataset, batchSize, learningRate, logEvery, layers);
        try (TrainingRun<LeNetConfig> run = TrainingRun.start(LeNetCommand.MODULE, options.toRunOptions(), requested,
                LeNetConfig.class, System.out)) {
            LeNetConfig config = run.config();
            MnistVariant variant = MnistVariant.fromOption(config.dataset());
            ResolvedDataset files = variant.resolve(options.dataDir());
            ImageClassData train = variant.train(files);
            ImageClassData test = variant.test(files);
            System.out.printf("%s: %,d training and %,d test images (%s)%n", variant.option(), train.size(), test.size(),
                    files.source());

            long seed = run.options().seed();
            MultiLayerNetwork net = run.resumeFrom()
                    .map(c -> ModelFile.loadMultiLayer(c.modelFile(), LeNetCommand.MODULE, true))
                    .orElseGet(() -> LeNetModel.build(config, seed));
            // conv1's backward without the input gradient nobody reads (models saved before the oneDNN layers
            // get DL4J's convolution without it).
            if (LayerImplementation.current() == LayerImplementation.FAST) {
                if (net.getLayer(0) instanceof OneDnnConvolutionLayer first) {
                    first.skipInputGradient();
                } else {
                    InputConvolutionLayer.installIn(net);
                }
            }
            ModelMetadata metadata = LeNetModelFiles.metadata(variant);
            InMemoryBatches batches = new InMemoryBatches(train.features(), train.labels(), config.batchSize(), seed, true);
            Trainer.EpochEvaluation evaluation = epochs -> Map.of("test_accuracy",
                    Predictions.accuracy(Predictions.classes(net, test.features(), 1000), test.labelIndex()));

            Trainer.Result result;
            try (StopSignal stop = StopSignal.onShutdown()) {
                result = run.trainer(metadata, config.logEvery()).train(net, batches, run.startState(), evaluation, stop);
            }
            if (result.outcome() == Trainer.Outcome.INTERRUPTED) {
                return 130;
            }
            ModelFile.save(net, run.directory().file("model.zip"), false, metadata);
            double accuracy = new LeNetReport(run, variant, test, files.source()).write(net, result);
            System.out.printf("test accuracy %.2f%% (%s)%n", 100 * accuracy, variant.option());
            System.out.println("model " + run.directory().file("model.zip"));
            System.out.println("report " + run.directory().file("report.md"));
            return 0;
        }
    }
}
