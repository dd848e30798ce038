package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Runs an attack over many examples in batches and measures each outcome, also after 8-bit rounding. */
public final class AttackEvaluation {

    /** One example's outcome. */
    public record Outcome(int index, int label, int target, int originalClass, double originalProbability,
                          int adversarialClass, double adversarialProbability, int roundedClass, boolean success,
                          boolean successAfter8Bit,
                          int iterations, PerturbationNorms norms) {
    }

    /** The means over a set of outcomes. */
    public record Summary(int count, double cleanAccuracy, double adversarialAccuracy, double accuracyAfter8Bit,
                          double successRate, double successRateAfter8Bit, double meanLinf, double meanL2,
                          double meanL0, double meanLinfLevels, double meanIterations) {
    }

    private AttackEvaluation() {
    }

    /**
     * Attacks every row of {@code pixels} [n, ...]. Success is "top-1 is the target" with targets, else
     * "top-1 is not the label"; the adversarial images are also rounded to 8-bit levels and classified again.
     */
    public static List<Outcome> run(Classifier model, Attack attack, INDArray pixels, int[] labels, int[] targets,
                                    int batchSize, AttackBatchResult sink) {
        List<Outcome> outcomes = new ArrayList<>();
        long n = pixels.size(0);
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            INDArray x = pixels.get(NDArrayIndex.interval(from, to)).dup();
            int[] y = java.util.Arrays.copyOfRange(labels, (int) from, (int) to);
            int[] t = targets == null ? null : java.util.Arrays.copyOfRange(targets, (int) from, (int) to);
            INDArray clean = model.probabilities(x);
            Attack.Result result = attack.run(model, x, y, t);
            INDArray adv = result.adversarial();
            INDArray advP = model.probabilities(adv);
            INDArray rounded = Transforms.round(adv.mul(255), false).divi(255);
            INDArray roundedP = model.probabilities(rounded);
            for (int i = 0; i < y.length; i++) {
                int c0 = argMax(clean, i);
                int c1 = argMax(advP, i);
                int c8 = argMax(roundedP, i);
                boolean success = t == null ? c1 != y[i] : c1 == t[i];
                boolean success8 = t == null ? c8 != y[i] : c8 == t[i];
                outcomes.add(new Outcome((int) from + i, y[i], t == null ? -1 : t[i], c0, clean.getDouble(i, c0), c1,
                        advP.getDouble(i, c1), c8, success, success8, result.iterations()[i],
                        PerturbationNorms.of(x.get(NDArrayIndex.point(i)), adv.get(NDArrayIndex.point(i)))));
            }
            if (sink != null) {
                sink.accept(from, x, adv, outcomes.subList(outcomes.size() - y.length, outcomes.size()));
            }
        }
        return outcomes;
    }

    /** Receives each attacked batch (originals, adversarials, outcomes), e.g. to draw panels. */
    public interface AttackBatchResult {
        void accept(long firstIndex, INDArray originals, INDArray adversarials, List<Outcome> outcomes);
    }

    /** Means over {@code outcomes}. */
    public static Summary summarise(List<Outcome> outcomes) {
        int n = outcomes.size();
        double clean = 0;
        double adv = 0;
        double adv8 = 0;
        double success = 0;
        double success8 = 0;
        double linf = 0;
        double l2 = 0;
        double l0 = 0;
        double linfLevels = 0;
        double iterations = 0;
        for (Outcome o : outcomes) {
            clean += o.originalClass() == o.label() ? 1 : 0;
            adv += o.adversarialClass() == o.label() ? 1 : 0;
            adv8 += o.roundedClass() == o.label() ? 1 : 0;
            success += o.success() ? 1 : 0;
            success8 += o.successAfter8Bit() ? 1 : 0;
            linf += o.norms().linf();
            l2 += o.norms().l2();
            l0 += o.norms().l0();
            linfLevels += o.norms().linfLevels();
            iterations += o.iterations();
        }
        return new Summary(n, clean / n, adv / n, adv8 / n, success / n, success8 / n, linf / n, l2 / n, l0 / n,
                linfLevels / n, iterations / n);
    }

    private static int argMax(INDArray p, int row) {
        return p.getRow(row).argMax().getInt(0);
    }
}
