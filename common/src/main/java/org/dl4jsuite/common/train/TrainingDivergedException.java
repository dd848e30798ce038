package org.dl4jsuite.common.train;

import org.dl4jsuite.common.SuiteException;

/** The loss became NaN or infinite; training stopped and the last good checkpoint was kept. */
public final class TrainingDivergedException extends SuiteException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
