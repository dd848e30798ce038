package org.dl4jsuite.wordlm;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.train.ModelFile;
import org.dl4jsuite.common.train.ModelMetadata;

/** Keeps {@code model.zip} as the model with the lowest validation perplexity seen so far. */
public final class BestModel {
    private final MultiLayerNetwork network;
    private final Path file;
    private final ModelMetadata metadata;
    private double bestPerplexity = Double.POSITIVE_INFINITY;
    private int bestEpoch;

    public BestModel(MultiLayerNetwork network, Path file, ModelMetadata metadata) {
        this.network = network;
        this.file = file;
        this.metadata = metadata;
    }

    /** Saves the network when {@code figures}' valid_perplexity beats the best so far; returns {@code figures}. */
    public Map<String, Double> offer(int epoch, Map<String, Double> figures) {
        double perplexity = figures.get("valid_perplexity");
        if (perplexity < bestPerplexity) {
            bestPerplexity = perplexity;
            bestEpoch = epoch;
            ModelFile.save(network, file, false, metadata);
        }
        return figures;
    }

    /** The best validation perplexity (infinite before any evaluation). */
    public double perplexity() {
        return bestPerplexity;
    }

    /** The epoch (1-based) of the best model; 0 before any evaluation. */
    public int epoch() {
        return bestEpoch;
    }
}
