package org.dl4jsuite.wordlm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dl4jsuite.common.model.ModelFile;
import org.dl4jsuite.common.model.ModelMetadata;
import org.dl4jsuite.common.train.MetricsLog;
import org.dl4jsuite.common.train.RunListener;
import org.dl4jsuite.common.train.TrainingRun;

/**
 * Keeps {@code model.zip} as the model with the lowest validation perplexity seen so far: after each epoch's
 * evaluation (a listener after it), and for the last model offered where a run stopped.
 */
public final class BestModel implements RunListener {
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

    /**
     * The keeper of {@code run}'s best model: a resumed run starts from the best validation perplexity its
     * metrics recorded before the checkpoint, so a worse epoch after the resume does not replace that model.
     */
    public static BestModel continuing(MultiLayerNetwork network, Path file, ModelMetadata metadata,
                                       TrainingRun<?> run) {
        BestModel best = new BestModel(network, file, metadata);
        if (run.resumeFrom().isPresent() && Files.exists(file)) {
            for (Map<String, Object> epoch : MetricsLog.ofType(MetricsLog.read(run.directory().file("metrics.jsonl")),
                    "epoch")) {
                if (epoch.get("valid_perplexity") instanceof Number p && p.doubleValue() < best.bestPerplexity) {
                    best.bestPerplexity = p.doubleValue();
                    best.bestEpoch = ((Number) epoch.get("epoch")).intValue();
                }
            }
        }
        return best;
    }

    @Override
    public void onEpochEnd(EpochDone done) {
        if (done.metrics().containsKey("valid_perplexity")) {
            offer(done.epoch(), done.metrics());
        }
    }

    /** Saves the network when {@code figures}' valid_perplexity beats the best so far. */
    public void offer(int epoch, Map<String, Double> figures) {
        double perplexity = figures.get("valid_perplexity");
        if (perplexity < bestPerplexity) {
            bestPerplexity = perplexity;
            bestEpoch = epoch;
            ModelFile.save(network, file, false, metadata);
        }
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
