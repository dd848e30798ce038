package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Implementation of {@link AttentionRnn}. */
public class AttentionRnnLayer extends RecurrentHandLayerImpl<AttentionRnn, AttentionRnnLayer.Step> {

    public AttentionRnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Slot i at one step: its source s_i (x_t or h_{t−i}; null before the start) and its query, key and value. */
    private record Slot(INDArray source, INDArray q, INDArray k, INDArray v) {
    }

    /** One step's slots (index 0 = input), attention weights a [N, k + 1] and new state h_t. */
    record Step(Slot[] slots, INDArray a, INDArray h) implements RecurrentHandLayerImpl.Step {
    }

    /** W_i: W_0 = Wx for the input slot, W_i = rows [(i−1)·n, i·n) of Wh for the state i steps back. */
    private INDArray slotWeights(INDArray params, int i) {
        long n = layerConf().getNOut();
        return i == 0 ? params : SequenceSteps.rows(params, (i - 1) * n, i * n);
    }

    private INDArray weightsOf(int i) {
        return slotWeights(getParam(i == 0 ? AttentionRnn.INPUT : AttentionRnn.STATES), i);
    }

    @Override
    protected Step[] forward() {
        long n = layerConf().getNOut();
        int slotCount = layerConf().getWindow() + 1;
        Step[] trace = new Step[(int) input.size(2)];
        for (int t = 0; t < trace.length; t++) {
            Slot[] slots = new Slot[slotCount];
            INDArray[] scores = new INDArray[slotCount];
            INDArray h = Nd4j.zeros(input.dataType(), input.size(0), n);
            for (int i = 0; i < slotCount; i++) {
                INDArray source = i == 0 ? SequenceSteps.step(input, t) : t - i >= 0 ? trace[t - i].h() : null;
                // [q_i, k_i, v_i] = s_i·W_i (slot projection; all zero when s_i = 0 before the start)
                INDArray z = source == null ? Nd4j.zeros(input.dataType(), input.size(0), 3 * n)
                        : source.mmul(weightsOf(i));
                slots[i] = new Slot(source, SequenceSteps.columns(z, 0, n), SequenceSteps.columns(z, n, 2 * n),
                        SequenceSteps.columns(z, 2 * n, 3 * n));
                // w_i = q_i·k_iᵀ, one score per example (slot score)
                scores[i] = slots[i].q().mul(slots[i].k()).sum(true, 1);
            }
            // a = softargmax(w_0 … w_k) = exp(log_softmax(w)) over the slots
            INDArray a = Transforms.exp(SoftmaxCrossEntropyLayer.logSoftmax(Nd4j.hstack(scores)), false);
            for (int i = 0; i < slotCount; i++) {
                // h_t = Σ_i a_i v_i (attention-weighted values)
                h.addi(slots[i].v().mulColumnVector(SequenceSteps.columns(a, i, i + 1)));
            }
            trace[t] = new Step(slots, a, h);
        }
        return trace;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Step[] trace = forward();
        INDArray dWx = Nd4j.zeros(input.dataType(), getParam(AttentionRnn.INPUT).shape());
        INDArray dWh = Nd4j.zeros(input.dataType(), getParam(AttentionRnn.STATES).shape());
        INDArray dInput = Nd4j.zeros(input.dataType(), input.shape());
        // dH[t] collects ∂L/∂h_t: δ_t from above now, the slots of steps t+1 … t+k as BPTT reaches them
        INDArray dH = epsilon.castTo(input.dataType()).dup('c');
        for (int t = trace.length - 1; t >= 0; t--) {
            Step s = trace[t];
            // dh_t = δ_t + Σ_{i=1..k} ∂L/∂h_t through slot i of step t+i (complete: later steps are done)
            INDArray dh = SequenceSteps.step(dH, t);
            INDArray[] dScore = new INDArray[s.slots().length];
            for (int i = 0; i < dScore.length; i++) {
                // da_i = dh·v_iᵀ (h = Σ_i a_i v_i)
                dScore[i] = dh.mul(s.slots()[i].v()).sum(true, 1);
            }
            INDArray da = Nd4j.hstack(dScore);
            // dw = a ⊙ (da − Σ_j a_j da_j) (softargmax backward)
            INDArray dw = s.a().mul(da.subColumnVector(s.a().mul(da).sum(true, 1)));
            for (int i = 0; i < dScore.length; i++) {
                Slot slot = s.slots()[i];
                if (slot.source() == null) {
                    continue; // s_i = 0 before the start: no parameter or state receives anything
                }
                INDArray dwi = SequenceSteps.columns(dw, i, i + 1);
                // dq_i = dw_i k_i, dk_i = dw_i q_i (w_i = q_i·k_iᵀ); dv_i = a_i dh (h = Σ_i a_i v_i)
                INDArray dz = Nd4j.hstack(slot.k().mulColumnVector(dwi), slot.q().mulColumnVector(dwi),
                        dh.mulColumnVector(SequenceSteps.columns(s.a(), i, i + 1)));
                // dW_i += s_iᵀ·dz_i (z_i = s_i·W_i)
                slotWeights(i == 0 ? dWx : dWh, i).addi(slot.source().transpose().mmul(dz));
                // ds_i = dz_i·W_iᵀ (z_i = s_i·W_i)
                INDArray dSource = dz.mmul(weightsOf(i).transpose());
                if (i == 0) {
                    // dx_t = ds_0 (s_0 = x_t)
                    SequenceSteps.put(dInput, t, dSource);
                } else {
                    // dh_{t−i} += ds_i (s_i = h_{t−i})
                    SequenceSteps.add(dH, t - i, dSource);
                }
            }
        }
        return backwardResult(Map.of(AttentionRnn.INPUT, dWx, AttentionRnn.STATES, dWh), dInput, workspaceMgr);
    }
}
