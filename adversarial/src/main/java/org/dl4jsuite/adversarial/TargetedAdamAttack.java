package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference's targeted attack: Adam on the input pixels minimising the cross-entropy to the target
 * class, clipped to [0,1] after each step, until the target is top-1 or the iteration limit. An example
 * that has reached its target is left as it is while the others continue.
 */
public final class TargetedAdamAttack implements Attack {
    private final double learningRate;
    private final int maxIterations;

    public TargetedAdamAttack(double learningRate, int maxIterations) {
        if (!(learningRate > 0) || maxIterations <= 0) {
            throw new SuiteException("--lr and --steps must be positive, got " + learningRate + " and " + maxIterations);
        }
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
    }

    @Override
    public String name() {
        return "targeted-adam";
    }

    @Override
    public Result run(Classifier model, INDArray pixels, int[] labels, int[] targets) {
        if (targets == null) {
            throw new SuiteException("the targeted Adam attack needs --targets");
        }
        int n = labels.length;
        INDArray y = PixelBall.oneHot(targets, model.classNames().size());
        INDArray x = pixels.dup();
        AdamStep adam = new AdamStep(learningRate, x);
        int[] iterations = new int[n];
        boolean[] done = new boolean[n];
        for (int it = 0; it <= maxIterations; it++) {
            // The last check needs no gradient; before it, one pass gives the class and the step's gradient.
            Classifier.ProbabilitiesAndGradient pass = it < maxIterations ? model.probabilitiesAndGradient(x, y)
                    : new Classifier.ProbabilitiesAndGradient(model.probabilities(x), null);
            int[] top = pass.probabilities().argMax(1).toIntVector();
            int open = 0;
            for (int i = 0; i < n; i++) {
                if (!done[i] && top[i] == targets[i]) {
                    done[i] = true;
                    iterations[i] = it;
                }
                if (!done[i]) {
                    open++;
                }
            }
            if (open == 0 || it == maxIterations) {
                break;
            }
            INDArray update = adam.update(pass.gradient());
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    update.get(NDArrayIndex.point(i)).assign(0);
                }
            }
            x = PixelBall.clip(x.subi(update));
        }
        for (int i = 0; i < n; i++) {
            if (!done[i]) {
                iterations[i] = maxIterations;
            }
        }
        return new Result(x, iterations);
    }
}
