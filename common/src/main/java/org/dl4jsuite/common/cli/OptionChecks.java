package org.dl4jsuite.common.cli;

import org.dl4jsuite.common.SuiteException;

/** The range checks option values share, each failing with the suite's user error naming the option. */
public final class OptionChecks {
    private OptionChecks() {
    }

    /** {@code value} must be at least 1. */
    public static void positive(String option, long value) {
        if (value <= 0) {
            throw new SuiteException(option + " must be positive, got " + value);
        }
    }

    /** {@code value} must be 0 or more. */
    public static void notNegative(String option, long value, String zeroMeans) {
        if (value < 0) {
            throw new SuiteException(option + " must be 0 (" + zeroMeans + ") or positive, got " + value);
        }
    }

    /** {@code value} must be a finite number above 0 (a learning rate, a clipping norm). */
    public static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new SuiteException(option + " must be a positive number, got " + value);
        }
    }

    /** {@code value} must be a finite number of 0 or more. */
    public static void notNegative(String option, double value, String zeroMeans) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new SuiteException(option + " must be 0 (" + zeroMeans + ") or positive, got " + value);
        }
    }

    /** {@code value} must be a fraction in [0, 1) (a dropout rate). */
    public static void fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new SuiteException(option + " must be at least 0 and below 1 (the fraction dropped), got " + value);
        }
    }
}
