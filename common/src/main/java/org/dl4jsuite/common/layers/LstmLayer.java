package org.dl4jsuite.common.layers;

import static org.dl4jsuite.common.layers.SequenceSteps.columns;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Implementation of {@link Lstm}. */
public class LstmLayer extends RecurrentHandLayerImpl<Lstm, LstmLayer.Step> {

    public LstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Everything one step computed, kept for back-propagation through time. */
    record Step(INDArray hPrevAndX, INDArray cPrev, INDArray i, INDArray f, INDArray g, INDArray o,
            INDArray c, INDArray h) implements RecurrentHandLayerImpl.Step {
    }

    @Override
    protected Step[] forward() {
        int steps = (int) input.size(2);
        long n = layerConf().getNOut();
        long batch = input.size(0);
        INDArray w = getParam(Lstm.WEIGHT);
        INDArray b = getParam(Lstm.BIAS);
        INDArray h = Nd4j.zeros(input.dataType(), batch, n);
        INDArray c = Nd4j.zeros(input.dataType(), batch, n);
        Step[] trace = new Step[steps];
        for (int t = 0; t < steps; t++) {
            INDArray hx = Nd4j.hstack(h, SequenceSteps.step(input, t));
            // z = [h_{t-1}, x_t] · W + b (all four gates in one product)
            INDArray z = hx.mmul(w).addiRowVector(b);
            INDArray i = StableSigmoidLayer.sigmoid(columns(z, 0, n));
            INDArray f = StableSigmoidLayer.sigmoid(columns(z, n, 2 * n));
            INDArray g = Transforms.tanh(columns(z, 2 * n, 3 * n), true);
            INDArray o = StableSigmoidLayer.sigmoid(columns(z, 3 * n, 4 * n));
            // c_t = f ⊙ c_{t-1} + i ⊙ g (cell update)
            INDArray cNext = f.mul(c).addi(i.mul(g));
            // h_t = o ⊙ tanh(c_t) (output)
            INDArray hNext = o.mul(Transforms.tanh(cNext, true));
            trace[t] = new Step(hx, c, i, f, g, o, cNext, hNext);
            h = hNext;
            c = cNext;
        }
        return trace;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Step[] trace = forward();
        long n = layerConf().getNOut();
        INDArray w = getParam(Lstm.WEIGHT);
        INDArray dW = Nd4j.zeros(w.dataType(), w.shape());
        INDArray db = Nd4j.zeros(w.dataType(), 1, 4 * n);
        INDArray dInput = Nd4j.zeros(input.dataType(), input.shape());
        INDArray dhNext = Nd4j.zeros(input.dataType(), input.size(0), n);
        INDArray dcNext = dhNext.dup();
        for (int t = trace.length - 1; t >= 0; t--) {
            Step s = trace[t];
            // dh_t = ∂L/∂h_t from above + dh carried back from step t+1 (BPTT)
            INDArray dh = SequenceSteps.step(epsilon, t).addi(dhNext);
            INDArray tanhC = Transforms.tanh(s.c(), true);
            // do = dh ⊙ tanh(c_t) (h = o ⊙ tanh c)
            INDArray dO = dh.mul(tanhC);
            // dc_t = dc_{t+1}·f_{t+1} (carried) + dh ⊙ o ⊙ (1 − tanh²(c_t)) (h = o ⊙ tanh c)
            INDArray dc = dh.mul(s.o()).muli(tanhC.mul(tanhC).rsubi(1.0)).addi(dcNext);
            // di = dc ⊙ g, dg = dc ⊙ i, df = dc ⊙ c_{t-1} (c = f ⊙ c_{t-1} + i ⊙ g)
            INDArray dI = dc.mul(s.g());
            INDArray dG = dc.mul(s.i());
            INDArray dF = dc.mul(s.cPrev());
            // dc_{t-1} = dc ⊙ f (c = f ⊙ c_{t-1} + i ⊙ g)
            dcNext = dc.mul(s.f());
            // dz = [di ⊙ i(1−i), df ⊙ f(1−f), dg ⊙ (1−g²), do ⊙ o(1−o)] (σ' = σ(1−σ), tanh' = 1 − tanh²)
            INDArray dz = Nd4j.hstack(dI.muli(sigmoidSlope(s.i())), dF.muli(sigmoidSlope(s.f())),
                    dG.muli(s.g().mul(s.g()).rsubi(1.0)), dO.muli(sigmoidSlope(s.o())));
            // dW += [h_{t-1}, x_t]^T · dz (gate product backward)
            dW.addi(s.hPrevAndX().transpose().mmul(dz));
            // db += Σ_rows dz (gate product backward)
            db.addi(dz.sum(true, 0));
            // d[h_{t-1}, x_t] = dz · W^T (gate product backward)
            INDArray dHx = dz.mmul(w.transpose());
            dhNext = columns(dHx, 0, n).dup();
            SequenceSteps.put(dInput, t, columns(dHx, n, dHx.size(1)));
        }
        return backwardResult(Map.of(Lstm.WEIGHT, dW, Lstm.BIAS, db), dInput, workspaceMgr);
    }

    /** σ'(z) = σ(1 − σ), from the activation σ. */
    private static INDArray sigmoidSlope(INDArray sigma) {
        return sigma.mul(sigma.rsub(1.0));
    }
}
