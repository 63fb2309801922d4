package org.dialbook.ui.contacts;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.api.Contact;

/** One table row: the contact as last known, and the state of the user's last change to it. */
public final class ContactRow {
    private final ReadOnlyObjectWrapper<Contact> contact;
    private final ReadOnlyObjectWrapper<RowStatus> status = new ReadOnlyObjectWrapper<>(this, "status", RowStatus.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public ContactRow(Contact contact) {
        this.contact = new ReadOnlyObjectWrapper<>(this, "contact", contact);
    }

    public Contact contact() {
        return contact.get();
    }

    public String sid() {
        return contact.get().sid();
    }

    public ReadOnlyObjectProperty<Contact> contactProperty() {
        return contact.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RowStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public RowStatus status() {
        return status.get();
    }

    /** The error of a failed change, or a note on a saved one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void setContact(Contact value) {
        contact.set(value);
    }

    void mark(RowStatus newStatus, String newMessage) {
        // Message first: the status cell reads it when the status changes.
        message.set(newMessage == null ? "" : newMessage);
        status.set(newStatus);
    }
}
