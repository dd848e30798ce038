package org.dl4jsuite.adversarial;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.Darknet19;
import org.deeplearning4j.zoo.model.NASNet;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.SqueezeNet;
import org.deeplearning4j.zoo.model.Xception;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.Checksums;
import org.dl4jsuite.common.data.ConsoleDownloadProgress;
import org.dl4jsuite.common.data.Downloader;
import org.dl4jsuite.common.data.HttpDownloader;
import org.nd4j.linalg.dataset.api.preprocessor.VGG16ImagePreProcessor;

/**
 * The DL4J model zoo's ImageNet-pretrained classifiers ({@code deeplearning4j-zoo}, weights fetched as
 * {@code initPretrained} does, into DL4J's cache folder) with the input each was trained on. The zoo's AlexNet
 * has no pretrained weights, so it is not offered; {@code --zoo alexnet} is torchvision's ({@link ModelOption}).
 */
public enum ZooClassifiers {
    SQUEEZENET("squeezenet", () -> SqueezeNet.builder().build(), Input.CAFFE),
    VGG16("vgg16", () -> org.deeplearning4j.zoo.model.VGG16.builder().build(), Input.CAFFE),
    VGG19("vgg19", () -> org.deeplearning4j.zoo.model.VGG19.builder().build(), Input.CAFFE),
    RESNET50("resnet50", () -> ResNet50.builder().build(), Input.CAFFE),
    DARKNET19("darknet19", () -> Darknet19.builder().build(), Input.UNIT_RGB),
    XCEPTION("xception", () -> Xception.builder().build(), Input.SIGNED_RGB),
    NASNET("nasnet", () -> NASNet.builder().build(), Input.SIGNED_RGB);

    /**
     * The input conventions of the weights. CAFFE: the Keras/Caffe ImageNet models (VGG, ResNet-50, SqueezeNet):
     * B, G, R pixels in 0..255 less the ImageNet means, exactly DL4J's {@link VGG16ImagePreProcessor} on its
     * NativeImageLoader's BGR arrays. UNIT_RGB: Darknet's RGB in [0,1] (DL4J's ImagePreProcessingScaler(0, 1)).
     * SIGNED_RGB: Keras' "tf" mode for Xception and NASNet, RGB in [−1, 1].
     */
    public enum Input { CAFFE, UNIT_RGB, SIGNED_RGB }

    private final String option;
    private final Supplier<ZooModel> model;
    private final Input input;

    ZooClassifiers(String option, Supplier<ZooModel> model, Input input) {
        this.option = option;
        this.model = model;
        this.input = input;
    }

    /** The name {@code --zoo} takes. */
    public String option() {
        return option;
    }

    /** The input convention of this model's weights. */
    public Input input() {
        return input;
    }

    /** The zoo's model description (architecture only; no weights are read). */
    public ZooModel zooModel() {
        return model.get();
    }

    /** The model named {@code name} (case-insensitive); an unknown name lists the known ones. */
    public static ZooClassifiers fromOption(String name) {
        for (ZooClassifiers z : values()) {
            if (z.option.equalsIgnoreCase(name)) {
                return z;
            }
        }
        throw new SuiteException("--zoo must be " + ModelOption.TORCHVISION_ALEXNET + " (torchvision's) or one of "
                + Arrays.stream(values()).map(ZooClassifiers::option).toList()
                + " (the DL4J zoo's ImageNet-pretrained models), got '" + name + "'");
    }

    /** [channels, height, width] of the zoo model's input. */
    public int[] inputShape() {
        return inputShape(zooModel());
    }

    private static int[] inputShape(ZooModel zoo) {
        return zoo.metaData().getInputShape()[0];
    }

    /** The pixel → input map of this model's weights. */
    public InputScaling scaling() {
        return switch (input) {
            case CAFFE -> {
                double[] mean = VGG16ImagePreProcessor.VGG_MEAN_OFFSET_BGR.toDoubleVector();
                yield new InputScaling(new double[] {255, 255, 255}, new double[] {-mean[0], -mean[1], -mean[2]}, true);
            }
            case UNIT_RGB -> InputScaling.uniform(3, 1, 0);
            case SIGNED_RGB -> InputScaling.uniform(3, 2, -1);
        };
    }

    /** Where DL4J keeps this model's ImageNet weights, and the URL they come from. */
    public record Weights(URI url, Path file, long adler32) {
    }

    /** The ImageNet weights' URL, cache file and checksum, as the zoo's {@code initPretrained} uses them. */
    public Weights weights() {
        return weights(zooModel());
    }

    private static Weights weights(ZooModel zoo) {
        String url = zoo.pretrainedUrl(PretrainedType.IMAGENET);
        File dir = DL4JResources.getDirectory(ResourceType.ZOO_MODEL, zoo.modelName());
        return new Weights(URI.create(url), dir.toPath().resolve(new File(url).getName()),
                zoo.pretrainedChecksum(PretrainedType.IMAGENET));
    }

    /**
     * The pretrained network as a classifier: weights downloaded (atomically, Adler-32 checked) into DL4J's cache
     * unless already there, then the zoo's own {@code initPretrained}. Offline, one message says where to put them.
     */
    public ImportedClassifier load(Path dataDir, Downloader downloader) {
        // The class names first: a missing list should not come after a download of hundreds of MB.
        List<String> names = TargetModel.imageNetClasses(dataDir);
        ZooModel zoo = zooModel();
        Weights w = weights(zoo);
        if (!Files.isRegularFile(w.file())) {
            try {
                downloader.download(w.url(), w.file(), new ConsoleDownloadProgress(System.err), part -> checkAdler(part, w.adler32()));
            } catch (IOException | RuntimeException e) {
                throw new SuiteException("cannot download the DL4J zoo's ImageNet weights for " + option + " from " + w.url()
                        + " (" + reason(e) + "). Without a network, fetch " + w.file().getFileName()
                        + " elsewhere and put it in " + w.file().getParent() + "; then run again");
            }
        }
        ComputationGraph graph;
        try {
            graph = (ComputationGraph) zoo.initPretrained(PretrainedType.IMAGENET);
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("cannot load the zoo's " + option + " weights from " + w.file() + " (" + reason(e)
                    + "); delete the file and run again to download it anew");
        }
        int[] shape = inputShape(zoo);
        return new ImportedClassifier(graph, ImportedModelFacts.of(
                "DL4J zoo " + option + " (ImageNet weights, " + shape[1] + "x" + shape[2] + " input)",
                "DL4J zoo " + option + " (" + w.url() + ")", null, 0, 0, false, shape[0], shape[1], shape[2], scaling(),
                names));
    }

    /** Loads with the ordinary HTTP downloader. */
    public ImportedClassifier load(Path dataDir) {
        return load(dataDir, new HttpDownloader());
    }

    /** The first message along the cause chain, or the exception's type when none has one. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static void checkAdler(Path file, long expected) throws IOException {
        if (expected == 0) {
            return; // the zoo publishes no sum for this file
        }
        long actual = Checksums.adler32(file);
        if (actual != expected) {
            throw new IOException("Adler-32 checksum " + actual + ", expected " + expected);
        }
    }
}
