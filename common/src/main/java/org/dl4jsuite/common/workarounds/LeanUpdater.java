package org.dl4jsuite.common.workarounds;

import java.util.List;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * DL4J's {@link MultiLayerUpdater} (same blocks, same state array, same updates) without the regularization
 * pass over variables that have no regularization: DL4J's updater builds two views of every parameter and its
 * gradient twice per step to find out there is nothing to apply (8–12% of LeNet-5's training step).
 */
public final class LeanUpdater extends MultiLayerUpdater {

    private LeanUpdater(MultiLayerNetwork network, INDArray state) {
        super(network, state);
        for (int i = 0; i < updaterBlocks.size(); i++) {
            updaterBlocks.set(i, new LeanBlock(updaterBlocks.get(i)));
        }
    }

    /**
     * Makes the lean updater {@code network}'s, over its current updater state (which checkpoints save), and returns
     * it; a network whose updater is already lean, or another subclass of DL4J's, keeps it. Call it after any
     * restore of the updater state.
     */
    public static MultiLayerUpdater installIn(MultiLayerNetwork network) {
        Updater current = network.getUpdater();
        if (!(current instanceof MultiLayerUpdater updater)) {
            throw new IllegalArgumentException("a MultiLayerNetwork's updater is a MultiLayerUpdater, got " + current);
        }
        if (current.getClass() != MultiLayerUpdater.class) {
            return updater;
        }
        LeanUpdater lean = new LeanUpdater(network, updater.getStateViewArray());
        network.setUpdater(lean);
        return lean;
    }

    /** An updater block that skips its regularization pass when none of its variables has one for that step. */
    private static final class LeanBlock extends UpdaterBlock {
        private final boolean before;
        private final boolean after;

        LeanBlock(UpdaterBlock block) {
            super(block.getParamOffsetStart(), block.getParamOffsetEnd(), block.getUpdaterViewOffsetStart(),
                    block.getUpdaterViewOffsetEnd(), block.getLayersAndVariablesInBlock());
            setUpdaterView(block.getUpdaterView());
            setGradientView(block.getGradientView());
            setUpdaterViewRequiresInitialization(block.isUpdaterViewRequiresInitialization());
            setGradientUpdater(block.getGradientUpdater());
            before = any(block.getLayersAndVariablesInBlock(), Regularization.ApplyStep.BEFORE_UPDATER);
            after = any(block.getLayersAndVariablesInBlock(), Regularization.ApplyStep.POST_UPDATER);
        }

        private static boolean any(List<ParamState> variables, Regularization.ApplyStep step) {
            for (ParamState p : variables) {
                List<Regularization> list = p.getLayer().getConfig().getRegularizationByParam(p.getParamName());
                if (list != null && list.stream().anyMatch(r -> r.applyStep() == step)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected void applyRegularizationAllVariables(Regularization.ApplyStep applyStep, int iteration, int epoch,
                                                       boolean externalGradient, INDArray fullNetworkGradientView,
                                                       INDArray fullNetworkParamsArray) {
            if (applyStep == Regularization.ApplyStep.BEFORE_UPDATER ? before : after) {
                super.applyRegularizationAllVariables(applyStep, iteration, epoch, externalGradient,
                        fullNetworkGradientView, fullNetworkParamsArray);
            }
        }
    }
}
