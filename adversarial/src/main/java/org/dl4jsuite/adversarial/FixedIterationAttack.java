package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import java.util.function.Consumer;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The targeted Adam attack's loop for a fixed number of iterations, with no early stop: the equal work
 * the benchmark times against the PyTorch reference. Each iteration is what {@link TargetedAdamAttack}
 * does per step: one forward and backward pass (the loss, the top-1 check and the input gradient), Adam step,
 * clip to [0,1].
 */
public final class FixedIterationAttack {

    /** One iteration: its number (from 1), the mean cross-entropy to the targets and the share of examples at their target, before the step; its seconds. */
    public record Iteration(int number, double meanLoss, double targetRate, double seconds) {
    }

    private final double learningRate;
    private final int iterations;

    public FixedIterationAttack(double learningRate, int iterations) {
        if (!(learningRate > 0) || iterations <= 0) {
            throw new SuiteException("--lr and --iterations must be positive, got " + learningRate + " and " + iterations);
        }
        this.learningRate = learningRate;
        this.iterations = iterations;
    }

    /** Runs the iterations on a copy of {@code pixels}, reporting each one; returns the final adversarial pixels. */
    public INDArray run(Classifier model, INDArray pixels, int[] targets, Consumer<Iteration> each) {
        int n = targets.length;
        if (pixels.size(0) != n) {
            throw new SuiteException(pixels.size(0) + " examples but " + n + " targets");
        }
        INDArray y = PixelBall.oneHot(targets, model.classNames().size());
        INDArray x = pixels.dup();
        AdamStep adam = new AdamStep(learningRate, x);
        for (int it = 1; it <= iterations; it++) {
            long t0 = System.nanoTime();
            Classifier.ProbabilitiesAndGradient pass = model.probabilitiesAndGradient(x, y);
            INDArray p = pass.probabilities();
            int[] top = p.argMax(1).toIntVector();
            double loss = 0;
            int reached = 0;
            for (int i = 0; i < n; i++) {
                loss -= Math.log(Math.max(p.getDouble(i, targets[i]), 1e-30));
                reached += top[i] == targets[i] ? 1 : 0;
            }
            x = PixelBall.clip(x.subi(adam.update(pass.gradient())));
            each.accept(new Iteration(it, loss / n, reached / (double) n, (System.nanoTime() - t0) / 1e9));
        }
        return x;
    }
}
