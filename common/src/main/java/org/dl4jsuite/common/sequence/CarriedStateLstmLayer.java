package org.dl4jsuite.common.sequence;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.dl4jsuite.common.workarounds.LayerReplacement;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's LSTM with a backward pass that starts from the state its forward pass started from.
 *
 * <p>In DL4J 1.0.0-M2.1 a truncated-BPTT training step runs the forward pass from the stored state
 * ({@code rnnActivateUsingStoredState}) but {@code MultiLayerNetwork.computeGradientAndScore} then calls
 * the layer's plain {@code backpropGradient}, which recomputes the forward pass from zeros
 * ({@code calcBackpropGradients(null, true, false, false)}: the tbptt flag is hard-coded false). The
 * gradient is then that of a different sequence than the one whose loss was measured: on the PTB
 * word LM it was 20–400× PyTorch's for the same weights and state, and training diverged after
 * ~170 steps with cell states growing one unit per word. This layer remembers whether its last
 * forward pass used the stored state and, if so, backpropagates from that same state.
 */
public class CarriedStateLstmLayer extends LSTM {
    private Map<String, INDArray> forwardStart;

    /** A layer of its own for {@code conf} (for layer configurations that instantiate a subclass). */
    protected CarriedStateLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** A layer that shares {@code original}'s configuration, parameters, gradient views and listeners. */
    public CarriedStateLstmLayer(LSTM original) {
        super(original.conf(), original.params().dataType());
        LayerReplacement.takeOver(original, this);
    }

    /**
     * Replaces every DL4J LSTM layer of {@code network} by a carried-state one over the same parameters
     * (idempotent; subclasses such as the oneDNN LSTM stay). Other recurrent layers have the same DL4J flaw
     * and are refused.
     */
    public static void installIn(MultiLayerNetwork network) {
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof CarriedStateLstmLayer) {
                continue;
            }
            if (layers[i].getClass() == LSTM.class) {
                layers[i] = new CarriedStateLstmLayer((LSTM) layers[i]);
            } else if (layers[i] instanceof RecurrentLayer) {
                throw new IllegalArgumentException("layer " + i + " (" + layers[i].getClass().getSimpleName()
                        + ") would be trained with DL4J's truncated-BPTT gradient, which ignores the carried state;"
                        + " only LSTM layers are supported");
            }
        }
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        forwardStart = new HashMap<>(tBpttStateMap);
        return super.rnnActivateUsingStoredState(input, training, storeLastForTBPTT, workspaceMgr);
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        forwardStart = null;
        return super.activate(input, training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        forwardStart = null;
        return super.activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (forwardStart == null) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        // DL4J's truncated backward recomputes the forward pass from the previous-state map (rnnTimeStep's),
        // which is restored afterwards.
        Map<String, INDArray> timeStepState = new HashMap<>(stateMap);
        rnnSetPreviousState(forwardStart);
        try {
            return tbpttBackpropGradient(epsilon, Integer.MAX_VALUE, workspaceMgr);
        } finally {
            rnnSetPreviousState(timeStepState);
        }
    }
}
