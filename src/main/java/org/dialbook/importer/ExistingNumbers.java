package org.dialbook.importer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.contact.PhoneRule;
import org.dialbook.jobs.CancelToken;

/**
 * The numbers already in the account, with one contact sid each, for duplicate detection. Keyed by
 * the {@link PhoneRule}'s one key per number, so a landline the account stores with its STD prefix
 * ({@code 08012345678}) matches the row that the import turned into {@code +918012345678}.
 */
public final class ExistingNumbers {
    private final Map<Long, String> sidByNumber;

    private ExistingNumbers(Map<Long, String> sidByNumber) {
        this.sidByNumber = sidByNumber;
    }

    public static ExistingNumbers none() {
        return new ExistingNumbers(Map.of());
    }

    /** Walks every page of the account; stops early (with what it has) when cancelled. */
    public static ExistingNumbers load(ContactsApi api, PhoneRule phones, CancelToken cancel,
            java.util.function.LongConsumer seen) {
        Map<Long, String> map = new HashMap<>();
        long count = 0;
        try (Stream<Contact> contacts = api.streamContacts(ListQuery.firstPage())) {
            Iterator<Contact> iterator = contacts.iterator();
            while (iterator.hasNext() && !cancel.isCancelled()) {
                Contact contact = iterator.next();
                long key = phones.keyOf(contact.number());
                if (key != 0) {
                    map.putIfAbsent(key, contact.sid());
                }
                count++;
                if (count % 200 == 0) {
                    seen.accept(count);
                }
            }
        }
        return new ExistingNumbers(map);
    }

    /** The sid of a contact with this number, or null. */
    public String sidFor(long key) {
        return sidByNumber.get(key);
    }

    public int size() {
        return sidByNumber.size();
    }
}
