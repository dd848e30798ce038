package org.dl4jsuite.common;

import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from outside the repository (the shared datasets, a Debian package, a browser): where it
 * is missing the test is skipped with a reason saying what is missing and how to provide it, except under CI
 * ({@code CI=true}), where it fails, because a silently skipped test there would prove nothing.
 */
public final class Prerequisite {
    private Prerequisite() {
    }

    /** Whether this is a CI run, which must have every prerequisite. */
    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** Returns if {@code present}; otherwise skips the test, or under CI fails it, with {@code missing} as the reason. */
    public static void require(boolean present, String missing) {
        require(present, missing, ci());
    }

    /** {@link #require(boolean, String)} with the CI flag given. */
    public static void require(boolean present, String missing, boolean ci) {
        if (present) {
            return;
        }
        if (ci) {
            throw new IllegalStateException(missing + " (CI must have it: a skipped test there proves nothing)");
        }
        Assumptions.abort(missing);
    }
}
