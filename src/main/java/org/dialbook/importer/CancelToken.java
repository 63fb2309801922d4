package org.dialbook.importer;

/** Set by the UI or CLI to stop a long job at the next safe point (between rows or batches). */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token nobody cancels. */
    public static CancelToken none() {
        return new CancelToken();
    }
}
