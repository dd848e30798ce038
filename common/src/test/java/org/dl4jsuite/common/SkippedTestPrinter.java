package org.dl4jsuite.common;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line for each skipped test or test class with the reason (what is missing and how to provide it):
 * Surefire's console only counts skips. Registered for every module's tests through META-INF/services in this
 * module's test jar, which the JUnit launcher loads on its own.
 */
public final class SkippedTestPrinter implements TestExecutionListener {
    /** How each line starts, for a reader (and .ci/run) to find them. */
    public static final String PREFIX = "SKIPPED ";

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        System.out.println(PREFIX + name(test) + ": " + (reason == null || reason.isBlank() ? "(no reason given)" : reason));
    }

    /** Class.method for a test, Class for a class whose set-up skipped all its tests. */
    private static String name(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
