package org.dl4jsuite.lenet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.SuiteException;
import org.dl4jsuite.common.data.MnistVariant;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** What a saved LeNet model records (its dataset and class names) and how to load one back. */
public final class LeNetModelFiles {
    private LeNetModelFiles() {
    }

    /** A trained LeNet and the dataset it was trained on. */
    public record Loaded(MultiLayerNetwork network, MnistVariant variant, List<String> classNames) {
    }

    /** The metadata stored with a LeNet trained on {@code variant}. */
    public static ModelMetadata metadata(MnistVariant variant) {
        return new ModelMetadata(LeNetCommand.MODULE, "lenet-5", ModelMetadata.MULTI_LAYER,
                Map.of("dataset", variant.option(), "classNames", variant.classNames()));
    }

    /** Loads a model written by lenet-mnist; anything else gets a clear error. */
    public static Loaded load(Path file) {
        ModelMetadata metadata = ModelFile.requireModule(file, LeNetCommand.MODULE);
        Object dataset = metadata.properties().get("dataset");
        if (dataset == null) {
            throw new SuiteException(file + " does not record its dataset; re-train it with this version");
        }
        MnistVariant variant = MnistVariant.fromOption(dataset.toString());
        MultiLayerNetwork net = ModelFile.loadMultiLayer(file, LeNetCommand.MODULE, false);
        return new Loaded(net, variant, variant.classNames());
    }
}
