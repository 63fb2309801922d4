package org.dialbook.jobs;

/**
 * Set by the UI or CLI to stop a long job (an import, an export, a bulk edit) at its next safe point:
 * between rows, batches or contacts. The one cancel token: the importer and the exporter both take it.
 */
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
