package org.dl4jsuite.common.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM, via a shutdown hook) into a request the training loop sees between
 * steps; the hook waits until the loop has written its checkpoint, so no work is lost on exit.
 */
public final class StopSignal implements AutoCloseable {
    private static final long WAIT_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch handled = new CountDownLatch(1);
    private final Thread hook;

    private StopSignal(boolean installHook) {
        this.hook = installHook ? new Thread(this::awaitCheckpoint, "checkpoint-on-exit") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** A signal wired to the JVM's shutdown (Ctrl-C). */
    public static StopSignal onShutdown() {
        return new StopSignal(true);
    }

    /** A signal only {@link #request()} raises (tests, embedding). */
    public static StopSignal manual() {
        return new StopSignal(false);
    }

    /** Asks the loop to stop after the current step. */
    public void request() {
        requested.set(true);
    }

    /** Whether a stop was asked for. */
    public boolean requested() {
        return requested.get();
    }

    /** Called by the loop once its final checkpoint is written. */
    public void acknowledge() {
        handled.countDown();
    }

    private void awaitCheckpoint() {
        request();
        try {
            handled.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        handled.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook has run or is running
            }
        }
    }
}
