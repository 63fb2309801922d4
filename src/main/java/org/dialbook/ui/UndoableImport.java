package org.dialbook.ui;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.importer.ImportListener;
import org.dialbook.jobs.CancelToken;

/**
 * A finished import that created contacts, undone at most once: from the wizard's "Undo this import"
 * while it is open, or from Edit → Undo and History after it closed. Both hold this one object, so
 * once either has deleted the contacts the other no longer offers it (a second run would only say
 * "0 contacts deleted"). {@link #claim()} and {@link #release(Result)} run on the FX thread.
 */
public final class UndoableImport {

    /** Deletes the contacts the import created, from its journal; blocking, run in the background. */
    @FunctionalInterface
    public interface Work {
        Result run(ImportListener listener, CancelToken cancel) throws Exception;
    }

    /**
     * @param message what the status line or the wizard says afterwards, e.g. "Undone: 48 contacts deleted."
     * @param complete false when it was cancelled or some contacts could not be deleted: it can be run again
     */
    public record Result(String message, boolean complete) {
    }

    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final Work work;
    private final ReadOnlyBooleanWrapper spent = new ReadOnlyBooleanWrapper(this, "spent");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /** @param description how Edit → History lists it, e.g. "Import of contacts.csv (48 created)" */
    public UndoableImport(String description, Work work) {
        this.description.set(Objects.requireNonNull(description, "description"));
        this.work = Objects.requireNonNull(work, "work");
    }

    public String description() {
        return description.get();
    }

    /** How History lists it; changes when a retry of the import creates more contacts under this undo. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** On the FX thread: a retry created more contacts, which this undo deletes too. */
    public void relabel(String now) {
        description.set(Objects.requireNonNull(now, "description"));
    }

    /** Takes the undo for one run; false when it is already done or another window is running it. */
    public boolean claim() {
        if (spent.get() || busy.get()) {
            return false;
        }
        busy.set(true);
        return true;
    }

    /** Blocking: call between {@link #claim()} and {@link #release(Result)}, off the FX thread. */
    public Result run(ImportListener listener, CancelToken cancel) throws Exception {
        return work.run(listener, cancel);
    }

    /** Ends a run; {@code result} is null when it failed or was cancelled before returning. */
    public void release(Result result) {
        busy.set(false);
        if (result != null && result.complete()) {
            spent.set(true);
        }
    }

    /** True once every contact the import created was deleted: the undo is used up. */
    public ReadOnlyBooleanProperty spentProperty() {
        return spent.getReadOnlyProperty();
    }

    /** True while a run holds the claim. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
