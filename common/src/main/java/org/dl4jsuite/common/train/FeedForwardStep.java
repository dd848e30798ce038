package org.dl4jsuite.common.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.workarounds.LeanUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One update of a feed-forward network on one mini-batch, as DL4J's {@code fit(DataSet)} makes it, in the order it
 * runs: gradient, updater, apply. The network's own updater (Adam and its state, which checkpoints save) turns the
 * gradient into the update; the network's DL4J listeners (the training UI's) see the step as in {@code fit}.
 */
public final class FeedForwardStep implements Step {
    private final MultiLayerNetwork network;
    private final MultiLayerUpdater updater;

    /** A step for {@code network}; its updater becomes the {@link LeanUpdater} over the same state. */
    public FeedForwardStep(MultiLayerNetwork network) {
        this.network = network;
        this.updater = LeanUpdater.installIn(network);
    }

    @Override
    public double fit(DataSet batch) {
        int size = (int) batch.getFeatures().size(0);
        network.setInput(batch.getFeatures());
        network.setLabels(batch.getLabels());
        network.computeGradientAndScore();                      // forward, loss, backward: dL/dθ summed over the batch
        INDArray gradient = network.getGradientsViewArray();
        Dl4jListeners.gradientCalculated(network);
        updater.update(network.gradient(), network.getIterationCount(), network.getEpochCount(), size,
                LayerWorkspaceMgr.noWorkspaces());              // Adam: dL/dθ / batch → the update, in place
        network.params().subi(gradient.reshape(network.params().shape()));  // θ ← θ − update
        Dl4jListeners.iterationDone(network);
        network.clearLayersStates();
        return network.score();
    }
}
