package org.dialbook.ui.contacts;

import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.Page;

/** One page as the table shows it: its contacts, where it starts, and how many match in all. */
public record ContactPage(List<Contact> items, int offset, int total) {

    public ContactPage {
        items = List.copyOf(items);
    }

    static ContactPage of(Page<Contact> page) {
        return new ContactPage(page.items(), page.offset(), page.total());
    }

    static ContactPage empty() {
        return new ContactPage(List.of(), 0, 0);
    }
}
