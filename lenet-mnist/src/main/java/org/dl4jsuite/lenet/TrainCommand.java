package org.dl4jsuite.lenet;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.workarounds.InputConvolutionLayer;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.dl4jsuite.common.runtime.LayerImplementation;
import java.util.function.Supplier;
import org.dl4jsuite.common.train.AveragedWeights;
import org.dl4jsuite.common.train.BatchSource;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;
import org.dl4jsuite.common.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.dl4jsuite.common.train.Predictions;
import org.dl4jsuite.common.train.TrainingPlan;
import org.dl4jsuite.common.train.TrainingRecipe;
import org.dl4jsuite.common.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code train}: trains LeNet-5, reports per-epoch loss and test accuracy, writes plots, report and model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train LeNet-5 (Adam, cross-entropy); writes runs/lenet-mnist/<time>/.")
public class TrainCommand extends TrainingRecipe<LeNetConfig> {
    @Mixin
    LeNetConfig config = new LeNetConfig();

    public TrainCommand() {
        this(LeNetCommand.MODULE);
    }

    /** LeNet-5's training with its runs under {@code runs/<module>/} (another engine's command, e.g. Spark's). */
    protected TrainCommand(String module) {
        super(module, LeNetConfig.class);
    }

    /**
     * The step that trains the network on one batch of {@link #batches}: DL4J's {@code fit} here; another engine
     * (Spark, ParallelWrapper) trains a group of batches on its workers instead. Called once, after the network is
     * built or restored; whatever it opens it releases in its {@code close}, which the run calls at the end.
     */
    protected Trainer.Step step(MultiLayerNetwork net, TrainingRun<LeNetConfig> run) {
        return Trainer.Step.FIT;
    }

    /** The batches the loop feeds {@link #step}: LeNet-5's shuffled mini-batches here. */
    protected BatchSource batches(InMemoryBatches batches, TrainingRun<LeNetConfig> run) {
        return batches;
    }

    @Override
    protected LeNetConfig requested() {
        return config;
    }

    @Override
    protected TrainingPlan plan(TrainingRun<LeNetConfig> run) {
        LeNetConfig config = run.config();
        ImageDataset variant = config.dataset();
        ResolvedDataset files = variant.resolve(options.dataDir());
        ImageClassData train = variant.train(files);
        ImageClassData test = variant.test(files);
        System.out.printf("%s: %,d training and %,d test images (%s)%n", variant.option(), train.size(), test.size(),
                files.source());
        long seed = run.options().seed();
        INDArray trainInput = train.features();
        INDArray testInput = test.features();
        Double mean = null;
        Double std = null;
        if (config.standardize()) {
            mean = trainInput.meanNumber().doubleValue();
            std = trainInput.stdNumber().doubleValue();
            trainInput = trainInput.sub(mean).divi(std);
            testInput = testInput.sub(mean).divi(std);
            System.out.printf("inputs standardised: (pixel - %.4f) / %.4f%n", mean, std);
        }
        MultiLayerNetwork net = run.network(LeNetCommand.MODULE, () -> LeNetModel.build(config, seed));
        if (config.net() == LeNetConfig.Network.LENET5) {
            skipFirstInputGradient(net);
        }
        ModelMetadata metadata = LeNetModelFiles.metadata(config, mean, std);
        Trainer.Step step = step(net, run);
        AveragedWeights average = config.ema() > 0 ? new AveragedWeights(step, net, config.ema()) : null;
        if (average != null) {
            run.resumeFrom().ifPresent(checkpoint -> average.restore(checkpoint.directory()));
        }
        INDArray evaluated = testInput;
        Supplier<Double> accuracy = () -> Predictions.accuracy(Predictions.classes(net, evaluated, 1000),
                test.labelIndex());
        BatchSource batches = batches(new InMemoryBatches(trainInput, train.labels(), config.batchSize(), seed, true),
                run);
        return TrainingPlan.of(net, batches, metadata)
                .step(average != null ? average : step)
                .evaluateEachEpoch(epochs -> Map.of("test_accuracy",
                        average != null ? average.withAverage(accuracy) : accuracy.get()))
                .saveModel((result, file) -> {
                    if (average != null) {
                        average.install();
                    }
                    ModelFile.save(net, file, false, metadata);
                })
                .report(result -> String.format("test accuracy %.2f%% (%s)",
                        100 * new LeNetReport(run, variant, test, evaluated, files.source()).write(net, result),
                        variant.option()));
    }

    /**
     * conv1's backward without the input gradient nobody reads (models saved before the oneDNN layers get
     * DL4J's convolution without it).
     */
    private static void skipFirstInputGradient(MultiLayerNetwork net) {
        if (LayerImplementation.current() != LayerImplementation.FAST) {
            return;
        }
        if (net.getLayer(0) instanceof OneDnnConvolutionLayer first) {
            first.skipInputGradient();
        } else {
            InputConvolutionLayer.installIn(net);
        }
    }
}
