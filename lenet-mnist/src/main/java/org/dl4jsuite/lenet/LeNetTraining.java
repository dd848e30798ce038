package org.dl4jsuite.lenet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.classifier.Predictions;
import org.dl4jsuite.common.data.ImageClassData;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.data.ResolvedDataset;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.onednn.OneDnnConvolutionLayer;
import org.dl4jsuite.common.runtime.LayerImplementation;
import org.dl4jsuite.common.train.AveragedWeights;
import org.dl4jsuite.common.train.CheckpointPart;
import org.dl4jsuite.common.train.EpochEvaluation;
import org.dl4jsuite.common.train.FeedForwardStep;
import org.dl4jsuite.common.train.InMemoryBatches;
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.Training;
import org.dl4jsuite.common.train.TrainingRun;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LeNet-5's training from a run's configuration: the dataset's shuffled mini-batches (standardised with
 * --standardize), the network, one {@link FeedForwardStep} per batch, the test accuracy after every epoch (of the
 * weight average with --ema), and at the end the model zip and the report.
 */
public final class LeNetTraining {
    private LeNetTraining() {
    }

    /** The training {@code run} asks for; its network is {@code lenet-mnist}'s whatever engine trains it. */
    public static Training<InMemoryBatches> of(TrainingRun<LeNetConfig> run) {
        LeNetConfig config = run.config();
        ImageDataset variant = config.dataset();
        ResolvedDataset files = variant.resolve(run.options().dataDir());
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
        INDArray evaluated = testInput;
        Supplier<Double> accuracy = () -> Predictions.accuracy(Predictions.classes(net, evaluated, 1000),
                test.labelIndex());
        AveragedWeights average = config.ema() > 0 ? new AveragedWeights(net, config.ema()) : null;
        List<RunListener> listeners = new ArrayList<>();
        List<CheckpointPart> checkpointed = new ArrayList<>();
        if (average != null) {
            listeners.add(average);
            checkpointed.add(average);
        }
        listeners.add(new EpochEvaluation(epochs -> Map.of("test_accuracy",
                average != null ? average.withAverage(accuracy) : accuracy.get())));
        InMemoryBatches batches = new InMemoryBatches(trainInput, train.labels(), config.batchSize(), seed, true);
        return new Training<>(net, batches, new FeedForwardStep(net), listeners, checkpointed, metadata,
                (result, file) -> {
                    if (average != null) {
                        average.install();
                    }
                    ModelFile.save(net, file, false, metadata);
                    return String.format("test accuracy %.2f%% (%s)", 100 * new LeNetReport(run, variant, test,
                            evaluated, files.source()).write(net, result), variant.option());
                });
    }

    /** conv1's backward without the input gradient nobody reads (with --impl dl4j, DL4J's convolution computes it). */
    private static void skipFirstInputGradient(MultiLayerNetwork net) {
        if (LayerImplementation.current() == LayerImplementation.FAST
                && net.getLayer(0) instanceof OneDnnConvolutionLayer first) {
            first.skipInputGradient();
        }
    }
}
