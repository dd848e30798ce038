package org.dl4jsuite.adversarial;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.dl4jsuite.common.cli.EnumChoice;
import org.dl4jsuite.common.cli.OptionChecks;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code attack} runs, declared once as the command's option mixin (and recorded in config.json). The defaults
 * follow the reference: targets 5, 10, 15 for the targeted Adam attack at learning rate 0.005; PGD/BIM take 10 steps
 * of 2.5·eps/steps; C&W c = 1, κ = 0, lr 0.01.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class AttackConfig {
    /** The attacks {@code --attack} names. */
    public enum Kind {
        FGSM, BIM, PGD, PGD_L2, CW, ADAM;

        /** The --attack value. */
        @JsonValue
        @Override
        public String toString() {
            return EnumChoice.spelling(this);
        }
    }

    /** C&W's confidence margin κ and Adam learning rate (the reference's, not options). */
    static final double CW_KAPPA = 0.0;
    static final double CW_LEARNING_RATE = 0.01;

    @Option(names = "--attack", description = "fgsm, bim, pgd (L-inf, random start), pgd-l2, cw (Carlini-Wagner L2) or "
            + "adam (the reference's targeted attack).")
    Kind attack = Kind.PGD;

    @Option(names = "--eps", split = ",", paramLabel = "EPS", defaultValue = "2/255,4/255,8/255",
            converter = Fraction.class, description = "Comma-separated budgets, fractions allowed (pixels in [0,1]).")
    List<Double> eps;

    @Option(names = "--steps", description = "Iterations (PGD/BIM steps; the iteration limit for adam and cw).")
    int steps = 10;

    @Option(names = "--step-size", description = "PGD/BIM step; 0 = 2.5*eps/steps.")
    double stepSize = 0;

    @Option(names = "--lr", description = "Adam learning rate of the targeted attack (the reference's 0.005).")
    double adamLearningRate = 0.005;

    @Option(names = "--cw-c", description = "C&W weight c of the classification term.")
    double cwC = 1.0;

    @Option(names = "--seed", description = "Seed of PGD's random start.")
    long seed = 42;

    /** Reads one --eps value: a number or a fraction such as 8/255. */
    public static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            String p = text.trim();
            try {
                int slash = p.indexOf('/');
                return slash < 0 ? Double.parseDouble(p)
                        : Double.parseDouble(p.substring(0, slash)) / Double.parseDouble(p.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + p + "' is not a number or fraction like 8/255");
            }
        }
    }

    /** Checks every value, failing with a user error that names the option. */
    public void validate() {
        for (double e : eps) {
            OptionChecks.positive("--eps values", e);
        }
        OptionChecks.positive("--steps", steps);
        OptionChecks.notNegative("--step-size", stepSize, "2.5·eps/steps");
        OptionChecks.positive("--lr", adamLearningRate);
        OptionChecks.positive("--cw-c", cwC);
    }

    public Kind attack() {
        return attack;
    }

    /** Whether eps bounds this attack (not for the targeted Adam attack and C&W, which minimise their own objective). */
    public boolean usesEps() {
        return attack != Kind.ADAM && attack != Kind.CW;
    }

    /** The budgets to run: each --eps value, or one unbounded run for adam and cw. */
    public List<Double> budgets() {
        return usesEps() ? List.copyOf(eps) : List.of(Double.NaN);
    }

    /** The attack for one budget. */
    public Attack build(double epsilon) {
        double step = stepSize > 0 ? stepSize : 2.5 * epsilon / steps;
        return switch (attack) {
            case FGSM -> GradientSignAttack.fgsm(epsilon);
            case BIM -> GradientSignAttack.bim(epsilon, step, steps);
            case PGD -> GradientSignAttack.pgd(GradientSignAttack.Norm.LINF, epsilon, step, steps, seed);
            case PGD_L2 -> GradientSignAttack.pgd(GradientSignAttack.Norm.L2, epsilon, step, steps, seed);
            case CW -> new CarliniWagnerL2Attack(cwC, CW_KAPPA, CW_LEARNING_RATE, steps);
            case ADAM -> new TargetedAdamAttack(adamLearningRate, steps);
        };
    }
}
