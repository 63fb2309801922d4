package org.dialbook.exporter;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ListQuery;

/** Which contacts an export writes. */
public sealed interface ExportScope {

    /** Every contact in the account. */
    static ExportScope all() {
        return new Query(ListQuery.firstPage(), "all contacts");
    }

    /** The contacts a name search finds (case-insensitive substring of first or last name). */
    static ExportScope search(String name) {
        return new Query(ListQuery.firstPage().withName(name), "contacts matching \"" + name + "\"");
    }

    /** The contacts in these lists. */
    static ExportScope lists(List<String> listSids) {
        return new Query(ListQuery.firstPage().withListSids(listSids), "contacts in lists " + listSids);
    }

    /** Contacts already in hand, such as the rows selected in the table; written without any request. */
    static ExportScope selection(List<Contact> contacts) {
        return new Selection(contacts);
    }

    /**
     * Contacts the caller reads, such as a search of the local mirror: {@code open} is called once,
     * on the export's thread, and the stream is closed when the export ends.
     */
    static ExportScope streamed(String description, long total, Supplier<Stream<Contact>> open) {
        return new Streamed(description, total, open);
    }

    /** A short description for progress messages and logs. */
    String description();

    /** Contacts fetched page by page with the API's list call. */
    record Query(ListQuery query, String description) implements ExportScope {
        public Query {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(description, "description");
            query = query.withOffset(0);
        }
    }

    /** Contacts streamed by the caller; {@code total} is -1 when not known in advance. */
    record Streamed(String description, long total, Supplier<Stream<Contact>> open) implements ExportScope {
        public Streamed {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(open, "open");
        }
    }

    /** Contacts given by the caller. */
    record Selection(List<Contact> contacts) implements ExportScope {
        public Selection {
            contacts = List.copyOf(contacts);
        }

        @Override
        public String description() {
            return contacts.size() == 1 ? "1 selected contact" : contacts.size() + " selected contacts";
        }
    }
}
