package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.train.ImageModelFacts;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** What a saved LeNet model records (its dataset, class names and input size) and how to load one back. */
public final class LeNetModelFiles {
    private LeNetModelFiles() {
    }

    /** A trained LeNet and the dataset it was trained on. */
    public record Loaded(MultiLayerNetwork network, ImageDataset variant, List<String> classNames) {
    }

    /** The metadata stored with a network trained with {@code config}. */
    public static ModelMetadata metadata(LeNetConfig config) {
        ImageDataset dataset = config.dataset();
        return ModelMetadata.of(LeNetCommand.MODULE, config.net() == LeNetConfig.Network.MLP ? "mlp" : "lenet-5",
                ModelMetadata.MULTI_LAYER, new ImageModelFacts(dataset.option(), dataset.classNames(),
                        dataset.channels(), dataset.side(), dataset.side()));
    }

    /** Loads a model written by lenet-mnist; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ImageModelFacts facts = ModelFile.requireModule(file, LeNetCommand.MODULE).facts(ImageModelFacts.class, file);
        ImageDataset variant = ImageDataset.fromOption(facts.dataset());
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, LeNetCommand.MODULE, false);
        return new Loaded(net, variant, facts.classNames());
    }
}
