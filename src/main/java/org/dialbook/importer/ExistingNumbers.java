package org.dialbook.importer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;

/** The numbers already in the account, with one contact sid each, for duplicate detection. */
public final class ExistingNumbers {
    private final Map<Long, String> sidByNumber;

    private ExistingNumbers(Map<Long, String> sidByNumber) {
        this.sidByNumber = sidByNumber;
    }

    public static ExistingNumbers none() {
        return new ExistingNumbers(Map.of());
    }

    /** Walks every page of the account; stops early (with what it has) when cancelled. */
    public static ExistingNumbers load(ContactsApi api, CancelToken cancel, java.util.function.LongConsumer seen) {
        Map<Long, String> map = new HashMap<>();
        long count = 0;
        try (Stream<Contact> contacts = api.streamContacts(ListQuery.firstPage())) {
            Iterator<Contact> iterator = contacts.iterator();
            while (iterator.hasNext() && !cancel.isCancelled()) {
                Contact contact = iterator.next();
                long key = keyOf(contact.number());
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

    /** The E.164 digits of a stored number as a key, or 0 when it is not in E.164. */
    static long keyOf(String number) {
        if (number == null || number.length() < 3 || number.length() > 16 || number.charAt(0) != '+') {
            return 0;
        }
        for (int i = 1; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return 0;
            }
        }
        return Long.parseLong(number, 1, number.length(), 10);
    }

    /** The sid of a contact with this number, or null. */
    public String sidFor(long key) {
        return sidByNumber.get(key);
    }

    public int size() {
        return sidByNumber.size();
    }
}
