package org.dialbook.api;

/** Told each time the client starts waiting (a retry, the rate budget, an outage). Called on the waiting thread. */
@FunctionalInterface
public interface WaitListener {
    void waiting(WaitStatus status);

    /** Stops a listener; closing twice is harmless. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
