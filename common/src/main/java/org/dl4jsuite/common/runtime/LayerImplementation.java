package org.dl4jsuite.common.runtime;

import java.util.Locale;
import org.dl4jsuite.common.SuiteException;

/**
 * Which layer implementations a run uses: the suite's fast ones (oneDNN LSTM, LeNet's first convolution
 * without its unused input gradient, ...) where they apply, or DL4J's own everywhere. One process-wide
 * choice, read by every fast layer at each call, so a model saved with fast layers runs either way.
 */
public enum LayerImplementation {
    /** The suite's layers where they apply (the default); each falls back to DL4J's where it does not. */
    FAST,
    /** DL4J's own layer implementations throughout (for comparison, and as the reference). */
    DL4J;

    /** The system property that holds the choice ("fast" or "dl4j"). */
    public static final String PROPERTY = "dl4jsuite.impl";

    /** The choice in force: the property's value, {@link #FAST} when unset. */
    public static LayerImplementation current() {
        return parse(System.getProperty(PROPERTY, "fast"));
    }

    /** Makes this the choice for the rest of the process. */
    public void select() {
        System.setProperty(PROPERTY, option());
    }

    /** The value as the {@code --impl} option spells it. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an {@code --impl} value ("fast" or "dl4j", any case). */
    public static LayerImplementation parse(String value) {
        for (LayerImplementation impl : values()) {
            if (impl.option().equalsIgnoreCase(value.trim())) {
                return impl;
            }
        }
        throw new SuiteException("--impl must be fast or dl4j, got '" + value + "'");
    }
}
