package org.dl4jsuite.adversarial;

import org.dl4jsuite.common.classifier.Classifier;
import java.util.Arrays;
import org.dl4jsuite.common.SuiteException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * FGSM, BIM (iterative FGSM) and PGD in the L∞ and L2 balls, which differ only in start, step count, step
 * direction and projection: x ← Π_{ball ∩ [0,1]}(x ± a·step(∇ₓ CE)), + for untargeted (away from the
 * label), − for targeted (towards the target). FGSM is one step of size eps from the original.
 */
public final class GradientSignAttack implements Attack {

    /** Which ball the perturbation lives in. */
    public enum Norm { LINF, L2 }

    private final String name;
    private final Norm norm;
    private final double eps;
    private final double stepSize;
    private final int steps;
    private final boolean randomStart;
    private final long seed;

    private GradientSignAttack(String name, Norm norm, double eps, double stepSize, int steps, boolean randomStart, long seed) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new SuiteException("--eps must be positive, got " + eps);
        }
        if (!(stepSize > 0) || steps <= 0) {
            throw new SuiteException("step size and steps must be positive, got " + stepSize + " and " + steps);
        }
        this.name = name;
        this.norm = norm;
        this.eps = eps;
        this.stepSize = stepSize;
        this.steps = steps;
        this.randomStart = randomStart;
        this.seed = seed;
    }

    /** The fast gradient sign method: x' = clip(x ± eps·sign(∇ₓ CE)). */
    public static GradientSignAttack fgsm(double eps) {
        return new GradientSignAttack("fgsm", Norm.LINF, eps, eps, 1, false, 0);
    }

    /** Basic iterative method (iterative FGSM) from the original image. */
    public static GradientSignAttack bim(double eps, double stepSize, int steps) {
        return new GradientSignAttack("bim", Norm.LINF, eps, stepSize, steps, false, 0);
    }

    /** Projected gradient descent from a random point of the ball (Madry et al.). */
    public static GradientSignAttack pgd(Norm norm, double eps, double stepSize, int steps, long seed) {
        return new GradientSignAttack(norm == Norm.LINF ? "pgd-linf" : "pgd-l2", norm, eps, stepSize, steps, true, seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Result run(Classifier model, INDArray pixels, int[] labels, int[] targets) {
        int classes = model.classNames().size();
        boolean targeted = targets != null;
        INDArray y = PixelBall.oneHot(targeted ? targets : labels, classes);
        INDArray x = pixels.dup();
        if (randomStart) {
            x = project(x.addi(randomPoint(pixels)), pixels);
        }
        for (int step = 0; step < steps; step++) {
            INDArray gradient = model.lossGradient(x, y);
            INDArray direction = norm == Norm.LINF ? Transforms.sign(gradient, false) : PixelBall.unitL2(gradient);
            // Untargeted: raise the loss of the true class; targeted: lower the loss of the target.
            x.addi(direction.muli(targeted ? -stepSize : stepSize));
            x = project(x, pixels);
        }
        int[] iterations = new int[labels.length];
        Arrays.fill(iterations, steps);
        return new Result(x, iterations);
    }

    private INDArray project(INDArray x, INDArray original) {
        return norm == Norm.LINF ? PixelBall.projectLinf(x, original, eps) : PixelBall.projectL2(x, original, eps);
    }

    private INDArray randomPoint(INDArray like) {
        Nd4j.getRandom().setSeed(seed);
        if (norm == Norm.LINF) {
            return Nd4j.rand(like.dataType(), like.shape()).muli(2 * eps).subi(eps);
        }
        // A uniform direction with a uniform radius in [0, eps].
        INDArray direction = PixelBall.unitL2(Nd4j.randn(like.dataType(), like.shape()));
        INDArray radius = Nd4j.rand(like.dataType(), like.size(0), 1).muli(eps);
        return PixelBall.rows(direction).mulColumnVector(radius).reshape(like.shape());
    }
}
