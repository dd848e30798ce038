package org.dl4jsuite.common.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Implementation of {@link GatedRecurrentCell}. */
public class GatedRecurrentCellLayer extends RecurrentHandLayerImpl<GatedRecurrentCell, GatedRecurrentCellLayer.Step> {

    public GatedRecurrentCellLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** One step's values, kept for back-propagation through time. */
    record Step(INDArray x, INDArray hPrev, INDArray c, INDArray u, INDArray h) implements RecurrentHandLayerImpl.Step {
    }

    @Override
    protected Step[] forward() {
        INDArray wc = getParam(GatedRecurrentCell.GATE_INPUT);
        INDArray wh = getParam(GatedRecurrentCell.GATE_STATE);
        INDArray wx = getParam(GatedRecurrentCell.CANDIDATE);
        INDArray h = Nd4j.zeros(input.dataType(), input.size(0), layerConf().getNOut());
        Step[] trace = new Step[(int) input.size(2)];
        for (int t = 0; t < trace.length; t++) {
            INDArray x = SequenceSteps.step(input, t);
            // c_t = σ(x_t·W_c + h_{t-1}·W_h) (gate)
            INDArray c = StableSigmoidLayer.sigmoid(x.mmul(wc).addi(h.mmul(wh)));
            // u_t = x_t·W_x (candidate)
            INDArray u = x.mmul(wx);
            // h_t = c_t ⊙ h_{t-1} + (1 − c_t) ⊙ u_t (state update)
            INDArray hNext = c.mul(h).addi(c.rsub(1.0).muli(u));
            trace[t] = new Step(x, h, c, u, hNext);
            h = hNext;
        }
        return trace;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Step[] trace = forward();
        INDArray wc = getParam(GatedRecurrentCell.GATE_INPUT);
        INDArray wh = getParam(GatedRecurrentCell.GATE_STATE);
        INDArray wx = getParam(GatedRecurrentCell.CANDIDATE);
        INDArray dWc = Nd4j.zeros(wc.dataType(), wc.shape());
        INDArray dWh = Nd4j.zeros(wh.dataType(), wh.shape());
        INDArray dWx = Nd4j.zeros(wx.dataType(), wx.shape());
        INDArray dInput = Nd4j.zeros(input.dataType(), input.shape());
        INDArray dhNext = Nd4j.zeros(input.dataType(), input.size(0), layerConf().getNOut());
        for (int t = trace.length - 1; t >= 0; t--) {
            Step s = trace[t];
            // dh_t = ∂L/∂h_t from above + dh carried back from step t+1 (BPTT)
            INDArray dh = SequenceSteps.step(epsilon, t).addi(dhNext);
            // dc = dh ⊙ (h_{t-1} − u_t) (h = c ⊙ h_{t-1} + (1 − c) ⊙ u)
            INDArray dc = dh.mul(s.hPrev().sub(s.u()));
            // du = dh ⊙ (1 − c_t) (h = c ⊙ h_{t-1} + (1 − c) ⊙ u)
            INDArray du = dh.mul(s.c().rsub(1.0));
            // dz = dc ⊙ c(1 − c) (σ' = σ(1 − σ))
            INDArray dz = dc.muli(s.c().mul(s.c().rsub(1.0)));
            // dW_c += x^T·dz, dW_h += h_{t-1}^T·dz, dW_x += x^T·du (products backward)
            dWc.addi(s.x().transpose().mmul(dz));
            dWh.addi(s.hPrev().transpose().mmul(dz));
            dWx.addi(s.x().transpose().mmul(du));
            // dh_{t-1} = dh ⊙ c_t + dz·W_h^T (direct path + through the gate)
            dhNext = dh.mul(s.c()).addi(dz.mmul(wh.transpose()));
            // dx_t = dz·W_c^T + du·W_x^T (gate and candidate backward)
            SequenceSteps.put(dInput, t, dz.mmul(wc.transpose()).addi(du.mmul(wx.transpose())));
        }
        Map<String, INDArray> grads = Map.of(GatedRecurrentCell.GATE_INPUT, dWc, GatedRecurrentCell.GATE_STATE, dWh,
                GatedRecurrentCell.CANDIDATE, dWx);
        return backwardResult(grads, dInput, workspaceMgr);
    }
}
