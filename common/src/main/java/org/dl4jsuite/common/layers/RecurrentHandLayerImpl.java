package org.dl4jsuite.common.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation base of the hand-derived sequence layers: each runs its step loop once in
 * {@link #forward()}, keeping what every step computed for back-propagation through time, and the
 * layer's output is the stack of the steps' hidden states h_t as [N, nOut, T].
 */
public abstract class RecurrentHandLayerImpl<C extends RecurrentHandLayer, S extends RecurrentHandLayerImpl.Step>
        extends HandDerivedLayerImpl<C> {

    /** What one time step computed; at least its output h_t [N, nOut]. */
    public interface Step {
        /** The hidden state (output) of this step. */
        INDArray h();
    }

    protected RecurrentHandLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Runs the step loop over the current input. */
    protected abstract S[] forward();

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        S[] trace = forward();
        return activations(SequenceSteps.stack(input, layerConf().getNOut(), t -> trace[t].h()), workspaceMgr);
    }
}
