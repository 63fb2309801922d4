package org.dialbook.api;

import java.time.Duration;

/** Told each time the client starts waiting (a retry, the rate budget, an outage). Called on the waiting thread. */
@FunctionalInterface
public interface WaitListener {
    void waiting(WaitStatus status);

    /**
     * True when the job this listener belongs to was cancelled: the wait then ends at once and the
     * call gives up, without interrupting the thread (which would break file I/O on it).
     */
    default boolean cancelled() {
        return false;
    }

    /**
     * How long the job this listener belongs to waits out an outage, while it listens; the client
     * uses the longest of this and its own setting. Zero: no opinion. This lets the desktop app's one
     * client fail fast for single calls and pause during an import.
     */
    default Duration outagePatience() {
        return Duration.ZERO;
    }

    /** Stops a listener; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
