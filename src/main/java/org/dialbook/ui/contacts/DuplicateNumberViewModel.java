package org.dialbook.ui.contacts;

import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.api.Contact;
import org.dialbook.mirror.Mirror;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.TaskExecutor;

/**
 * Warns while a number is typed (New contact, or a number edit) that the book already holds a
 * contact with the same number, so a campaign does not dial it twice. Numbers are compared in E.164
 * as {@link PhoneNumbers} writes them, which is how they are stored; the lookup runs on the mirror in
 * the background.
 */
public final class DuplicateNumberViewModel {
    private final Mirror mirror;
    private final TaskExecutor executor;
    private final String defaultCountry;
    private final String ownSid;
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyObjectWrapper<Contact> existing = new ReadOnlyObjectWrapper<>(this, "existing");
    private int request;

    /** @param ownSid the contact being edited, which does not count as its own duplicate; null for a new one */
    public DuplicateNumberViewModel(Mirror mirror, TaskExecutor executor, String defaultCountry, String ownSid) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.defaultCountry = defaultCountry;
        this.ownSid = ownSid;
    }

    /** Looks the typed number up; an answer for text typed since is dropped. */
    public void check(String typed) {
        int expected = ++request;
        PhoneResult number = PhoneRule.forCountryOrIndia(defaultCountry).normalise(typed);
        if (!number.isValid()) {
            show(null);
            return;
        }
        String e164 = number.e164();
        BackgroundTask.quiet(progress -> others(mirror.withNumber(e164)))
                .onSuccess(found -> {
                    if (expected == request) {
                        show(found.isEmpty() ? null : found.get(0));
                    }
                })
                .onFailure(failure -> {
                    // The warning is a courtesy: without the mirror the contact is still saved.
                    if (expected == request) {
                        show(null);
                    }
                })
                .executeWith(executor);
    }

    private List<Contact> others(List<Contact> found) {
        return found.stream().filter(contact -> !contact.sid().equals(ownSid)).toList();
    }

    private void show(Contact match) {
        existing.set(match);
        warning.set(match == null ? "" : match.number() + " is already in the book: "
                + ContactsViewModel.describe(match) + ". A campaign would dial it twice.");
    }

    /** Empty when the number is new. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The contact that has the number already, to offer opening it; null when none. */
    public ReadOnlyObjectProperty<Contact> existingProperty() {
        return existing.getReadOnlyProperty();
    }
}
