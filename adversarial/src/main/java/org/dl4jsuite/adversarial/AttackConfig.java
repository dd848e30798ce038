package org.dl4jsuite.adversarial;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsuite.common.SuiteException;

/**
 * What {@code attack} runs. The defaults follow the reference: targets 5, 10, 15 for the targeted Adam
 * attack at learning rate 0.005; PGD/BIM take 10 steps of 2.5·eps/steps; C&W c = 1, κ = 0, lr 0.01, 100 steps.
 */
public record AttackConfig(String attack, List<Double> eps, int steps, double stepSize, double adamLearningRate,
                           double cwC, double cwKappa, double cwLearningRate, long seed) {

    /** The attack names accepted by --attack. */
    public static final List<String> ATTACKS = List.of("fgsm", "bim", "pgd", "pgd-l2", "cw", "adam");

    public static AttackConfig defaults() {
        return new AttackConfig("pgd", List.of(2 / 255.0, 4 / 255.0, 8 / 255.0), 10, 0, 0.005, 1.0, 0.0, 0.01, 42);
    }

    public AttackConfig {
        if (!ATTACKS.contains(attack)) {
            throw new SuiteException("unknown --attack '" + attack + "'; use one of " + ATTACKS);
        }
        eps = List.copyOf(eps);
        for (double e : eps) {
            if (!(e > 0) || !Double.isFinite(e)) {
                throw new SuiteException("--eps values must be positive, got " + e);
            }
        }
        if (steps <= 0) {
            throw new SuiteException("--steps must be positive, got " + steps);
        }
        if (stepSize < 0) {
            throw new SuiteException("--step-size must be positive (or 0 for 2.5·eps/steps), got " + stepSize);
        }
    }

    /** Whether eps bounds this attack (not for the targeted Adam attack and C&W, which minimise their own objective). */
    public boolean usesEps() {
        return !attack.equals("adam") && !attack.equals("cw");
    }

    /** The attack for one eps. */
    public Attack build(double epsilon) {
        double step = stepSize > 0 ? stepSize : 2.5 * epsilon / steps;
        return switch (attack) {
            case "fgsm" -> GradientSignAttack.fgsm(epsilon);
            case "bim" -> GradientSignAttack.bim(epsilon, step, steps);
            case "pgd" -> GradientSignAttack.pgd(GradientSignAttack.Norm.LINF, epsilon, step, steps, seed);
            case "pgd-l2" -> GradientSignAttack.pgd(GradientSignAttack.Norm.L2, epsilon, step, steps, seed);
            case "cw" -> new CarliniWagnerL2Attack(cwC, cwKappa, cwLearningRate, steps);
            default -> new TargetedAdamAttack(adamLearningRate, steps);
        };
    }

    /** Parses "2/255,4/255,0.03". */
    public static List<Double> parseEps(String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            try {
                int slash = p.indexOf('/');
                values.add(slash < 0 ? Double.parseDouble(p)
                        : Double.parseDouble(p.substring(0, slash)) / Double.parseDouble(p.substring(slash + 1)));
            } catch (NumberFormatException e) {
                throw new SuiteException("--eps value '" + p + "' is not a number or fraction like 8/255");
            }
        }
        return values;
    }
}
