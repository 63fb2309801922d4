package org.dialbook.ui.contacts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ListQuery;
import org.dialbook.mirror.Mirror;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Job;

/**
 * Edits and deletes that act on many contacts: the selected rows, or every contact matching the
 * current search and filter. Asks first with the exact count, runs as a cancellable background job,
 * and leaves each contact's outcome on its row.
 */
public final class BulkActions {

    /** Whom a bulk action is for. */
    public record Target(List<Contact> contacts, boolean allMatching, int count) {
        public static Target rows(List<ContactRow> rows) {
            return new Target(rows.stream().map(ContactRow::contact).toList(), false, rows.size());
        }

        public static Target allMatching(int total) {
            return new Target(List.of(), true, total);
        }

        public List<String> sids() {
            return contacts.stream().map(Contact::sid).toList();
        }

        String noun() {
            return count == 1 ? "1 contact" : count + " contacts";
        }
    }

    private final ContactsViewModel contacts;

    public BulkActions(ContactsViewModel contacts) {
        this.contacts = contacts;
    }

    /** The target for "select all N matching", using the total the server last reported. */
    public Target allMatching() {
        return Target.allMatching(contacts.pages().totalProperty().get());
    }

    /**
     * Applies one patch to every target contact. Returns the job, or null when the user said no.
     *
     * @param done runs with the per-contact outcome; failed sids keep their error on their rows
     */
    public Job update(Target target, ContactPatch patch, Consumer<BulkOperations.Outcome> done) {
        if (patch.isEmpty() || target.count() == 0) {
            return null;
        }
        if (target.allMatching() && !contacts.dialogs().confirm("Edit all matching contacts",
                "This changes every one of the " + target.noun() + " matching the current search and filter, "
                        + "not only the rows on this page.", "Edit " + target.noun())) {
            return null;
        }
        ListQuery query = contacts.currentQuery();
        Mirror mirror = contacts.pages().mirror();
        return BackgroundTask.titled("Editing " + target.noun(), progress -> {
            List<Contact> before = target.allMatching() ? contacts.bulk().matchingContacts(query, mirror, progress)
                    : target.contacts();
            BulkOperations.Outcome outcome = contacts.bulk().update(sids(before), patch, progress);
            return new Done(outcome, succeeded(before, outcome));
        }).showingWaitsOf(contacts.api()).onSuccess(result -> {
            record("Bulk edit of ", result, changed -> UndoActions.bulkEdit(changed, patch));
            finish(result.outcome(), "Updated", "Edited", done);
        })
                .onFailure(error -> contacts.dialogs().showError("Bulk edit stopped", error))
                .onCancelled(() -> {
                    contacts.setNotice("Bulk edit cancelled; some contacts may already be changed.");
                    contacts.pages().refresh();
                })
                .executeWith(contacts.executor());
    }

    /** Deletes the target contacts after a confirmation naming the count. Returns null when declined. */
    public Job delete(Target target, Consumer<BulkOperations.Outcome> done) {
        if (target.count() == 0) {
            return null;
        }
        String scope = target.allMatching() ? " matching the current search and filter" : "";
        if (!contacts.dialogs().confirm("Delete contacts", "Delete " + target.noun() + scope
                + "? Edit → Undo creates them again, with new IDs.", "Delete " + target.noun())) {
            return null;
        }
        ListQuery query = contacts.currentQuery();
        Mirror mirror = contacts.pages().mirror();
        return BackgroundTask.titled("Deleting " + target.noun(), progress -> {
            List<Contact> before = target.allMatching() ? contacts.bulk().matchingContacts(query, mirror, progress)
                    : target.contacts();
            BulkOperations.Outcome outcome = contacts.bulk().delete(sids(before), progress);
            return new Done(outcome, succeeded(before, outcome));
        }).showingWaitsOf(contacts.api()).onSuccess(result -> {
            record("Delete of ", result, UndoActions::delete);
            finish(result.outcome(), "Deleted", "Deleted", done);
        })
                .onFailure(error -> contacts.dialogs().showError("Delete stopped", error))
                .onCancelled(() -> {
                    contacts.setNotice("Delete cancelled; the contacts deleted before that are gone.");
                    contacts.pages().refresh();
                })
                .executeWith(contacts.executor());
    }

    /** What a bulk action did, and the contacts it changed as they were before, for undo. */
    private record Done(BulkOperations.Outcome outcome, List<Contact> changed) {
    }

    private void record(String what, Done result, Function<List<Contact>, UndoHistory.Undo> undo) {
        if (!result.changed().isEmpty()) {
            contacts.history().record(what + UndoActions.noun(result.changed()), undo.apply(result.changed()));
        }
    }

    private static List<String> sids(List<Contact> before) {
        return before.stream().map(Contact::sid).toList();
    }

    private static List<Contact> succeeded(List<Contact> before, BulkOperations.Outcome outcome) {
        Set<String> done = new HashSet<>(outcome.succeeded());
        return before.stream().filter(contact -> done.contains(contact.sid())).toList();
    }

    private void finish(BulkOperations.Outcome outcome, String rowNote, String verb,
            Consumer<BulkOperations.Outcome> done) {
        contacts.markOutcome(outcome, rowNote);
        if ("Deleted".equals(verb)) {
            contacts.pages().forget(outcome.succeeded());
        }
        String summary = verb + " " + outcome.succeeded().size() + " of " + outcome.attempted()
                + (outcome.failed().isEmpty() ? "" : "; " + outcome.failed().size() + " failed")
                + (outcome.cancelled() ? " (cancelled)" : "");
        contacts.setNotice(summary);
        contacts.pages().refresh();
        if (!outcome.failed().isEmpty()) {
            String first = outcome.failed().values().iterator().next();
            contacts.dialogs().showError(summary, outcome.failed().size() + " contacts could not be changed. "
                    + "They stay selected and show their error in the status column. First error: " + first);
        }
        done.accept(outcome);
    }
}
