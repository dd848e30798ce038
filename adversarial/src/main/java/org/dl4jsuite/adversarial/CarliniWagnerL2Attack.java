package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Carlini–Wagner L2 with a fixed constant c (no binary search): x = (tanh w + 1)/2 keeps pixels in [0,1];
 * Adam minimises ‖x − x₀‖² + c·f(x) with f = max(Z_y − max_{i≠y} Z_i, −κ) untargeted or
 * max(max_{i≠t} Z_i − Z_t, −κ) targeted. Logit differences are log-probability differences, so the
 * softmax output is enough. Per example the smallest successful perturbation found is kept.
 */
public final class CarliniWagnerL2Attack implements Attack {
    private final double c;
    private final double kappa;
    private final double learningRate;
    private final int steps;

    public CarliniWagnerL2Attack(double c, double kappa, double learningRate, int steps) {
        if (!(c > 0) || kappa < 0 || !(learningRate > 0) || steps <= 0) {
            throw new SuiteException("C&W needs c > 0, kappa >= 0, lr > 0 and steps > 0; got " + c + ", " + kappa + ", "
                    + learningRate + ", " + steps);
        }
        this.c = c;
        this.kappa = kappa;
        this.learningRate = learningRate;
        this.steps = steps;
    }

    @Override
    public String name() {
        return "cw-l2";
    }

    @Override
    public Result run(Classifier model, INDArray pixels, int[] labels, int[] targets) {
        int n = labels.length;
        int classes = model.classNames().size();
        // w₀ = atanh(2x₀ − 1), pulled slightly inside (−1, 1) so that saturated pixels stay finite.
        INDArray w = Transforms.atanh(pixels.mul(2).subi(1).muli(1 - 1e-6), false);
        AdamStep adam = new AdamStep(learningRate, w);
        INDArray best = pixels.dup();
        double[] bestL2 = new double[n];
        java.util.Arrays.fill(bestL2, Double.POSITIVE_INFINITY);
        int[] iterations = new int[n];
        java.util.Arrays.fill(iterations, steps);
        for (int step = 0; step < steps; step++) {
            INDArray tanh = Transforms.tanh(w, true);
            INDArray x = tanh.add(1).muli(0.5);
            INDArray p = model.probabilities(x);
            INDArray logP = Transforms.log(Transforms.max(p, 1e-30, true), false);
            INDArray dLogits = Nd4j.zeros(p.dataType(), n, classes);
            double[] l2 = PixelBall.rows(x.sub(pixels)).norm2(1).toDoubleVector();
            for (int i = 0; i < n; i++) {
                int keep = targets == null ? labels[i] : targets[i];
                int other = bestOther(logP, i, keep);
                double margin = logP.getDouble(i, keep) - logP.getDouble(i, other);
                boolean success = targets == null ? margin < 0 : margin > 0;
                if (success && l2[i] < bestL2[i]) {
                    if (bestL2[i] == Double.POSITIVE_INFINITY) {
                        iterations[i] = step;
                    }
                    bestL2[i] = l2[i];
                    best.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)).assign(x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)));
                }
                // f's logit gradient where the hinge is active; both choices sum to zero, as logitGradient needs.
                double f = targets == null ? margin : -margin;
                if (f > -kappa) {
                    double sign = targets == null ? 1 : -1;
                    dLogits.putScalar(i, keep, c * sign);
                    dLogits.putScalar(i, other, -c * sign);
                }
            }
            // d/dx (‖x − x₀‖² + c·f) = 2(x − x₀) + c·Jᵀ(∂f/∂z); dx/dw = (1 − tanh²w)/2.
            INDArray dx = x.sub(pixels).muli(2).addi(model.logitGradient(x, p, dLogits));
            INDArray dw = dx.muli(tanh.mul(tanh).rsubi(1).muli(0.5));
            w.subi(adam.update(dw));
        }
        return new Result(best, iterations);
    }

    private static int bestOther(INDArray logP, int row, int excluded) {
        int best = -1;
        for (int k = 0; k < logP.size(1); k++) {
            if (k != excluded && (best < 0 || logP.getDouble(row, k) > logP.getDouble(row, best))) {
                best = k;
            }
        }
        return best;
    }
}
