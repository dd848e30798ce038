package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.MnistVariant;
import org.dl4jsuite.common.train.ImageModelFacts;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** What a saved LeNet model records (its dataset, class names and input size) and how to load one back. */
public final class LeNetModelFiles {
    private LeNetModelFiles() {
    }

    /** A trained LeNet and the dataset it was trained on. */
    public record Loaded(MultiLayerNetwork network, MnistVariant variant, List<String> classNames) {
    }

    /** The metadata stored with a LeNet trained on {@code variant}. */
    public static ModelMetadata metadata(MnistVariant variant) {
        InputType.InputTypeConvolutionalFlat input = (InputType.InputTypeConvolutionalFlat) LeNetModel.INPUT;
        return ModelMetadata.of(LeNetCommand.MODULE, "lenet-5", ModelMetadata.MULTI_LAYER,
                new ImageModelFacts(variant.option(), variant.classNames(), (int) input.getDepth(),
                        (int) input.getHeight(), (int) input.getWidth()));
    }

    /** Loads a model written by lenet-mnist; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ImageModelFacts facts = ModelFile.requireModule(file, LeNetCommand.MODULE).facts(ImageModelFacts.class, file);
        MnistVariant variant = MnistVariant.fromOption(facts.dataset());
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, LeNetCommand.MODULE, false);
        return new Loaded(net, variant, facts.classNames());
    }
}
