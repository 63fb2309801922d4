package org.dialbook.exporter;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread stop an export; the exporter checks it between contacts. */
public final class CancelToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
