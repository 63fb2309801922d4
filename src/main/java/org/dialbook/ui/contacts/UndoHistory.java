package org.dialbook.ui.contacts;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.api.ContactsApi;
import org.dialbook.ui.common.Progress;

/**
 * The last {@value #LIMIT} changes made from this window to the open account, newest first, each with
 * how to reverse it through the API (Edit → Undo, Ctrl+Z; Edit → History). Kept per connection: an
 * undo must never reach into another account.
 */
public final class UndoHistory {
    static final int LIMIT = 20;

    /** Reverses one change; blocking, run in the background. */
    @FunctionalInterface
    public interface Undo {
        Outcome run(ContactsApi api, Progress progress) throws Exception;

        /**
         * On the FX thread, before {@link #run}: false when it cannot run now, e.g. an import's undo that
         * its wizard is running.
         */
        default boolean claim() {
            return true;
        }

        /** On the FX thread, after {@link #run} ended; null when it failed or was cancelled. */
        default void release(Outcome outcome) {
            // Most changes hold nothing between claim and release.
        }
    }

    /**
     * @param message what the status line says afterwards
     * @param complete false when part of it could not be reversed and it may be run again
     */
    public record Outcome(String message, boolean complete) {
        static Outcome done(String message) {
            return new Outcome(message, true);
        }
    }

    /** One change, e.g. "Edit tag of Asha Rao", and whether it has been undone. */
    public record Entry(String description, LocalTime at, Undo undo, boolean undone) {
        Entry markUndone() {
            return new Entry(description, at, undo, true);
        }
    }

    private final Clock clock;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final BooleanBinding canUndo = Bindings.createBooleanBinding(() -> next().isPresent(), entries);
    private final StringBinding undoText = Bindings.createStringBinding(
            () -> next().map(entry -> "Undo " + entry.description()).orElse("Undo"), entries);

    public UndoHistory(Clock clock) {
        this.clock = clock;
    }

    void record(String description, Undo undo) {
        entries.add(0, new Entry(description, LocalTime.now(clock), undo, false));
        if (entries.size() > LIMIT) {
            entries.remove(LIMIT, entries.size());
        }
    }

    /**
     * A change that can also be undone elsewhere (an import, from its wizard): the entry is marked
     * undone as soon as {@code spent} turns true, wherever that happened.
     */
    void record(String description, Undo undo, ObservableBooleanValue spent) {
        record(description, undo);
        spent.addListener((observable, was, now) -> {
            if (now) {
                entries.stream().filter(entry -> entry.undo() == undo && !entry.undone()).findFirst()
                        .ifPresent(this::markUndone);
            }
        });
    }

    /** The newest change not undone yet: what Ctrl+Z reverses. Each change is undone at most once. */
    Optional<Entry> next() {
        return entries.stream().filter(entry -> !entry.undone()).findFirst();
    }

    void markUndone(Entry entry) {
        int index = entries.indexOf(entry);
        if (index >= 0) {
            entries.set(index, entry.markUndone());
        }
    }

    /** Newest first. */
    public ObservableList<Entry> entries() {
        return readOnly;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    /** "Undo Edit tag of Asha Rao", for the menu. */
    public StringBinding undoTextProperty() {
        return undoText;
    }
}
