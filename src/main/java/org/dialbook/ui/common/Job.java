package org.dialbook.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A handle on submitted background work: its title, progress and message (changing on the UI
 * thread), and a way to cancel it.
 */
public final class Job {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    private volatile Cancellable canceller = () -> { };

    Job(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public void cancel() {
        canceller.cancel();
    }

    /** 0..1, or -1 while indeterminate. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    void setCanceller(Cancellable canceller) {
        this.canceller = canceller;
    }

    ReadOnlyDoubleWrapper progressWrapper() {
        return progress;
    }

    ReadOnlyStringWrapper messageWrapper() {
        return message;
    }

    void finish() {
        running.set(false);
    }
}
