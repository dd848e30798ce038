package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.data.ImageDataset;
import org.dl4jsuite.common.model.ImageModelFacts;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;

/** What a saved LeNet model records (its dataset, class names and input size) and how to load one back. */
public final class LeNetModelFiles {
    private LeNetModelFiles() {
    }

    /** A trained network, the dataset it was trained on, and its recorded facts (the input standardisation). */
    public record Loaded(MultiLayerNetwork network, ImageDataset variant, List<String> classNames, ImageModelFacts facts) {
        /** The class probabilities of pixels in [0,1], standardised as in training. */
        public org.nd4j.linalg.api.ndarray.INDArray input(org.nd4j.linalg.api.ndarray.INDArray pixels) {
            return facts.input(pixels);
        }
    }

    /** The metadata stored with a network trained with {@code config} on pixels in [0,1]. */
    public static ModelMetadata metadata(LeNetConfig config) {
        return metadata(config, null, null);
    }

    /** The metadata of a network trained with {@code config} on {@code (pixel − mean) / std} (nulls: raw pixels). */
    public static ModelMetadata metadata(LeNetConfig config, Double mean, Double std) {
        ImageDataset dataset = config.dataset();
        return ModelMetadata.of(LeNetCommand.MODULE, config.net() == LeNetConfig.Network.MLP ? "mlp" : "lenet-5",
                ModelMetadata.MULTI_LAYER, new ImageModelFacts(dataset.option(), dataset.classNames(),
                        dataset.channels(), dataset.side(), dataset.side(), mean, std));
    }

    /** Loads a model written by lenet-mnist; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ImageModelFacts facts = ModelFile.requireModule(file, LeNetCommand.MODULE).facts(ImageModelFacts.class, file);
        ImageDataset variant = ImageDataset.fromOption(facts.dataset());
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, LeNetCommand.MODULE, false);
        return new Loaded(net, variant, facts.classNames(), facts);
    }
}
