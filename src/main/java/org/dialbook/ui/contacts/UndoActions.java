package org.dialbook.ui.contacts;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.NewContact;

/** How each kind of change is reversed through the API, as {@link UndoHistory.Undo}s. FX-free. */
final class UndoActions {

    private UndoActions() {
    }

    /** An inline or dialog edit: the changed fields get their old values back. */
    static UndoHistory.Undo edit(Contact before, ContactPatch patch) {
        ContactPatch restore = restoring(before, patch.changes().keySet());
        return (api, progress) -> {
            api.updateContact(before.sid(), restore);
            return UndoHistory.Outcome.done("Undone: " + ContactsViewModel.describe(before) + " is as it was");
        };
    }

    /** A bulk edit: every contact it changed gets its own old values back, in chunks. */
    static UndoHistory.Undo bulkEdit(List<Contact> changed, ContactPatch patch) {
        List<ContactUpdate> updates = changed.stream()
                .map(contact -> new ContactUpdate(contact.sid(), restoring(contact, patch.changes().keySet()))).toList();
        return (api, progress) -> {
            int restored = 0;
            List<String> failed = new ArrayList<>();
            for (int start = 0; start < updates.size(); start += BulkOperations.CHUNK) {
                List<ContactUpdate> chunk = updates.subList(start, Math.min(updates.size(), start + BulkOperations.CHUNK));
                progress.update(start, updates.size(), "Restored " + start + " of " + updates.size());
                BulkResult<Contact> result = api.updateContacts(chunk);
                for (ItemOutcome<Contact> item : result.items()) {
                    if (item.succeeded()) {
                        restored++;
                    } else {
                        failed.add(chunk.get(item.index()).sid());
                    }
                }
            }
            return UndoHistory.Outcome.done("Undone: " + restored + " of " + updates.size() + " contacts restored"
                    + (failed.isEmpty() ? "" : "; " + failed.size() + " could not be changed back"));
        };
    }

    /**
     * A delete: the contacts are created again with the same fields. The server gives them new IDs
     * (sids), so lists or scripts that held the old IDs do not find them; the message says so.
     */
    static UndoHistory.Undo delete(List<Contact> deleted) {
        List<NewContact> again = deleted.stream().map(UndoActions::recreate).toList();
        return (api, progress) -> {
            progress.update(-1, -1, "Creating " + again.size() + " contacts again");
            BulkResult<Contact> result = api.createContacts(again);
            long created = result.items().stream().filter(ItemOutcome::succeeded).count();
            return UndoHistory.Outcome.done("Undone: " + created + " of " + again.size()
                    + " deleted contacts created again, with new IDs"
                    + (created == again.size() ? "" : "; " + (again.size() - created) + " could not be created"));
        };
    }

    /** Adding a contact: it is deleted again. */
    static UndoHistory.Undo add(Contact created) {
        return (api, progress) -> {
            api.deleteContact(created.sid());
            return UndoHistory.Outcome.done("Undone: " + ContactsViewModel.describe(created) + " removed again");
        };
    }

    /** A patch that puts these fields back to what {@code before} had; an empty field is cleared. */
    static ContactPatch restoring(Contact before, Set<ContactField> fields) {
        ContactPatch patch = ContactPatch.empty();
        for (ContactField field : fields) {
            if (field == ContactField.CUSTOM_FIELD) {
                JsonElement custom = before.customField();
                patch = patch.with(field, custom == null ? JsonNull.INSTANCE : custom);
            } else {
                String value = ContactValues.text(before, field);
                patch = patch.with(field, value.isEmpty() ? null : value);
            }
        }
        return patch;
    }

    /** The same fields as a new contact, through the dialog's one conversion from a patch. */
    static NewContact recreate(Contact contact) {
        Set<ContactField> present = EnumSet.allOf(ContactField.class).stream()
                .filter(field -> field == ContactField.CUSTOM_FIELD ? contact.customField() != null
                        && !contact.customField().isJsonNull() : !ContactValues.text(contact, field).isEmpty())
                .collect(Collectors.toSet());
        return ContactDialogViewModel.toNewContact(restoring(contact, present));
    }

    static String noun(Collection<?> items) {
        return items.size() == 1 ? "1 contact" : items.size() + " contacts";
    }
}
