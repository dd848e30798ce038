package org.dl4jsuite.common.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What DL4J's solver tells a network's own listeners (e.g. the training UI's stats) around a step, for the suite's
 * steps, which call the network directly: the gradient is computed; the iteration is done (then counted).
 */
public final class Dl4jListeners {
    private Dl4jListeners() {
    }

    /** After the backward pass, before the updater (DL4J's {@code onGradientCalculation}). */
    public static void gradientCalculated(MultiLayerNetwork network) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            for (TrainingListener listener : network.getListeners()) {
                listener.onGradientCalculation(network);
            }
        }
    }

    /** After the update: {@code iterationDone}, then the network's iteration count (Adam's bias correction) advances. */
    public static void iterationDone(MultiLayerNetwork network) {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            for (TrainingListener listener : network.getListeners()) {
                listener.iterationDone(network, network.getIterationCount(), network.getEpochCount());
            }
        }
        BaseOptimizer.incrementIterationCount(network, 1);
    }
}
