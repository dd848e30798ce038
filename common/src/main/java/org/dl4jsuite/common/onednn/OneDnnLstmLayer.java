package org.dl4jsuite.common.onednn;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.dl4jsuite.common.sequence.CarriedStateLstmLayer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's LSTM whose forward pass over a whole window and its backward pass are oneDNN primitives
 * ({@link LstmPrimitives}), over DL4J's own parameters: the same W, RW and b, the same gradient views
 * and updater, the same carried-state semantics as {@link CarriedStateLstmLayer} (the backward pass
 * starts from the state the forward pass started from, and no gradient enters from later windows).
 *
 * <p>Where oneDNN does not apply, every call is the carried-state DL4J LSTM's: off the CPU backend, with
 * {@code --impl dl4j}, in double precision (oneDNN's LSTM is f32 only; the gradient checks run there),
 * with a mask, weight noise, or activations other than tanh with sigmoid gates. {@code rnnTimeStep} over a
 * window (an evaluation pass) runs on oneDNN too; over a single step [N, C] (sampling) it is DL4J's.
 */
public class OneDnnLstmLayer extends CarriedStateLstmLayer {
    /** Shapes (window, batch, training) whose primitives are kept; a training shape holds a large workspace. */
    private static final int KEPT_SHAPES = 3;

    private final transient ShapeCache<LstmPrimitives> shapes = new ShapeCache<>(KEPT_SHAPES);
    /** The training forward pass whose backward pass is due, or null. */
    /** The primitives of the last forward pass (their last states are the window's end state). */
    private transient LstmPrimitives lastForward;

    /** The layer for {@code conf}, whose layer configuration is a {@link OneDnnLstm}. */
    public OneDnnLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether this layer's windows run on oneDNN (else they are DL4J's): a float network, tanh and sigmoid gates, no weight noise, oneDNN available. */
    public boolean usesOneDnn() {
        return dataType == DataType.FLOAT
                && layerConf().getWeightNoise() == null
                && layerConf().getActivationFn() instanceof ActivationTanH
                && layerConf().getGateActivationFn() instanceof ActivationSigmoid
                && OneDnn.available();
    }

    /** Whether the current input goes through oneDNN: {@link #usesOneDnn()}, a float [N, C, T] window, no mask. */
    private boolean oneDnnInput() {
        return maskArray == null && input != null && input.rank() == 3 && input.dataType() == DataType.FLOAT
                && usesOneDnn();
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!oneDnnInput()) {
            shapes.clearPending();
            return super.activate(training, workspaceMgr);
        }
        return forward(null, null, training, workspaceMgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        if (!oneDnnInput()) {
            shapes.clearPending();
            return super.rnnActivateUsingStoredState(input, training, storeLastForTBPTT, workspaceMgr);
        }
        INDArray out = forward(tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION), tBpttStateMap.get(STATE_KEY_PREV_MEMCELL),
                training, workspaceMgr);
        if (storeLastForTBPTT) {
            storeLastState(tBpttStateMap);
        }
        return out;
    }

    /** The last forward pass's end state (h, c) into {@code states}, outside any workspace. */
    private void storeLastState(Map<String, INDArray> states) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            states.put(STATE_KEY_PREV_ACTIVATION, lastForward.lastHidden().dup());
            states.put(STATE_KEY_PREV_MEMCELL, lastForward.lastCell().dup());
        }
    }

    /** A window from the state the last call left (inference); DL4J's for a single step or off oneDNN. */
    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        if (!oneDnnInput()) {
            shapes.clearPending();
            return super.rnnTimeStep(input, workspaceMgr);
        }
        INDArray out = forward(stateMap.get(STATE_KEY_PREV_ACTIVATION), stateMap.get(STATE_KEY_PREV_MEMCELL), false,
                workspaceMgr);
        storeLastState(stateMap);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return shapes.pending() == null ? super.backpropGradient(epsilon, workspaceMgr) : backward(epsilon, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackwardLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        return shapes.pending() == null ? super.tbpttBackpropGradient(epsilon, tbpttBackwardLength, workspaceMgr)
                : backward(epsilon, workspaceMgr);
    }

    /** One oneDNN forward pass over the layer's input from (h0, c0), zeros where null. */
    private INDArray forward(INDArray h0, INDArray c0, boolean training, LayerWorkspaceMgr workspaceMgr) {
        applyDropOutIfNecessary(training, workspaceMgr);
        long batch = input.size(0);
        long steps = input.size(timeAxis());
        LstmPrimitives p = shapeFor(steps, batch, training);
        p.source().assign(toTimeMajor(input));
        setState(p.startHidden(), h0);
        setState(p.startCell(), c0);
        p.forward(getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY), getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY),
                getParam(LSTMParamInitializer.BIAS_KEY));
        shapes.forwarded(p, training);
        lastForward = p;
        // Time-major memory seen in the layer's format: the next oneDNN layer or the fused output layer
        // reads it without a transpose.
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {steps, batch, p.hidden}, 'c');
        return fromTimeMajor(out.assign(p.output()));
    }

    private Pair<Gradient, INDArray> backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        LstmPrimitives p = shapes.pending();
        p.outputGradient().assign(toTimeMajor(epsilon));
        INDArray w = gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray rw = gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray b = gradientViews.get(LSTMParamInitializer.BIAS_KEY);
        p.backward(w, rw, b);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, w);
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, rw);
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, b);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {p.steps, p.batch, p.inputs}, 'c');
        inputGradient.assign(p.inputGradient());
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(fromTimeMajor(inputGradient)));
    }

    private static void setState(INDArray target, INDArray state) {
        if (state == null) {
            target.assign(0);
        } else {
            target.assign(state.reshape(target.shape()));
        }
    }

    /** The primitives for this shape, created on first use. */
    private LstmPrimitives shapeFor(long steps, long batch, boolean training) {
        return shapes.get(p -> p.fits(steps, batch, training),
                () -> new LstmPrimitives(OneDnn.get(), steps, batch, layerConf().getNIn(), layerConf().getNOut(), training));
    }

    private boolean nwc() {
        return TimeSeriesUtils.getFormatFromRnnLayer(layerConf()) == RNNFormat.NWC;
    }

    private int timeAxis() {
        return nwc() ? 1 : 2;
    }

    /** [N, C, T] (NCW) or [N, T, C] (NWC) as a [T, N, C] view. */
    private INDArray toTimeMajor(INDArray batchMajor) {
        return nwc() ? batchMajor.permute(1, 0, 2) : batchMajor.permute(2, 0, 1);
    }

    /** [T, N, C] as a view in the layer's format. */
    private INDArray fromTimeMajor(INDArray timeMajor) {
        return nwc() ? timeMajor.permute(1, 0, 2) : timeMajor.permute(1, 2, 0);
    }
}
