package org.dl4jsuite.common;

/**
 * The one exception type for errors a user can cause or fix (missing dataset, corrupt file, bad
 * option, unreadable image, NaN loss). Its message says what went wrong and what to do; the CLI
 * prints it without a stack trace and exits non-zero.
 */
public class SuiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
