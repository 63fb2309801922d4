package org.dialbook.ui.contacts;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
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

    /**
     * One change, e.g. "Edit tag of Asha Rao", whether it has been undone, and what its undo did
     * ("Undone: 3 of 5 contacts restored; 2 could not be changed back"; null before, or when it was
     * undone elsewhere), so the history tells what happened rather than what was first attempted.
     */
    public record Entry(String description, LocalTime at, Undo undo, boolean undone, String outcome) {
        /** "10:02:03   Import of a.csv (48 created)   (undone: 48 contacts deleted.)", as History lists it. */
        public String label(DateTimeFormatter time) {
            String state = outcome != null ? "   (" + lowerFirst(outcome) + ")" : undone ? "   (undone)" : "";
            return at.format(time) + "   " + description + state;
        }

        private static String lowerFirst(String text) {
            return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
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
        entries.add(0, new Entry(description, LocalTime.now(clock), undo, false, null));
        if (entries.size() > LIMIT) {
            entries.remove(LIMIT, entries.size());
        }
    }

    /**
     * A change that can also be undone elsewhere (an import, from its wizard): the entry is marked
     * undone as soon as {@code spent} turns true, wherever that happened.
     */
    void record(ObservableStringValue description, Undo undo, ObservableBooleanValue spent) {
        record(description.get(), undo);
        // An import's retry creates more contacts under the same undo: the label follows its count.
        description.addListener((observable, was, now) -> relabel(undo, now));
        spent.addListener((observable, was, now) -> {
            if (now) {
                entries.stream().filter(entry -> entry.undo() == undo && !entry.undone()).findFirst()
                        .ifPresent(entry -> markUndone(entry, null));
            }
        });
    }

    /** The newest change not undone yet: what Ctrl+Z reverses. Each change is undone at most once. */
    Optional<Entry> next() {
        return entries.stream().filter(entry -> !entry.undone()).findFirst();
    }

    /** @param outcome what the undo did, or null when it ran elsewhere */
    void markUndone(Entry entry, String outcome) {
        replace(entry, new Entry(entry.description(), entry.at(), entry.undo(), true, outcome));
    }

    /** An undo that reversed only part of the change: it stays to be run again, saying what is left. */
    void markPartlyUndone(Entry entry, String outcome) {
        replace(entry, new Entry(entry.description(), entry.at(), entry.undo(), false, outcome));
    }

    private void relabel(Undo undo, String description) {
        entries.stream().filter(entry -> entry.undo() == undo).findFirst().ifPresent(entry -> replace(entry,
                new Entry(description, entry.at(), undo, entry.undone(), entry.outcome())));
    }

    private void replace(Entry old, Entry now) {
        // Entries are compared by identity of their undo: a record with equal fields is the same change.
        for (int index = 0; index < entries.size(); index++) {
            if (entries.get(index).undo() == old.undo()) {
                entries.set(index, now);
                return;
            }
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
