package org.dialbook.importer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.api.SortBy;
import org.dialbook.contact.PhoneRule;

/**
 * Settles creates whose answer was lost (docs/CONTRACT.md): lists the account newest-first back to when
 * the request left (minus a window for clock skew), and matches numbers. A contact already claimed
 * by another row of this import is never matched twice, so only truly missing rows are re-sent.
 */
final class Reconciler {
    private static final SortBy NEWEST_FIRST = new SortBy(SortBy.Field.DATE_CREATED, false);

    private final ContactsApi api;
    private final Duration window;
    private final PhoneRule phones;

    Reconciler(ContactsApi api, Duration window, PhoneRule phones) {
        this.api = api;
        this.window = window;
        this.phones = phones;
    }

    /**
     * @param rows row number to number key of the rows to look for
     * @return row number to the sid of the contact found for it; rows not found are absent
     */
    Map<Long, String> find(Map<Long, Long> rows, Instant since, ImportJournal journal) throws IOException {
        Map<Long, Deque<String>> candidates = new HashMap<>();
        Set<Long> wanted = new HashSet<>(rows.values());
        Set<String> candidateSids = new HashSet<>();
        Instant cutoff = since.minus(window);
        try (Stream<Contact> contacts = api.streamContacts(ListQuery.firstPage().withSortBy(NEWEST_FIRST))) {
            Iterator<Contact> iterator = contacts.iterator();
            while (iterator.hasNext()) {
                Contact contact = iterator.next();
                if (contact.dateCreated() != null && contact.dateCreated().toInstant().isBefore(cutoff)) {
                    break;
                }
                long key = phones.keyOf(contact.number());
                if (wanted.contains(key)) {
                    // Oldest first: the walk is newest-first, so prepend.
                    candidates.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(contact.sid());
                    candidateSids.add(contact.sid());
                }
            }
        }
        Set<String> claimed = claimedBy(journal, candidateSids);
        Map<Long, String> found = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> row : rows.entrySet()) {
            Deque<String> sids = candidates.get(row.getValue());
            while (sids != null && !sids.isEmpty()) {
                String sid = sids.pollFirst();
                if (!claimed.contains(sid)) {
                    found.put(row.getKey(), sid);
                    break;
                }
            }
        }
        return found;
    }

    /** Which of these sids the journal already gives to a row. */
    private static Set<String> claimedBy(ImportJournal journal, Set<String> sids) throws IOException {
        Set<String> claimed = new HashSet<>();
        if (sids.isEmpty()) {
            return claimed;
        }
        journal.flush();
        JournalState.forEachLine(journal.journalFile(), json -> {
            if (json.get("k").getAsString().equals("row") && json.has("sid")) {
                String sid = json.get("sid").getAsString();
                if (sids.contains(sid)) {
                    claimed.add(sid);
                }
            }
        });
        return claimed;
    }

    static Map<Long, Long> rowsOf(List<ValidatedRow> rows) {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (ValidatedRow row : rows) {
            out.put(row.row(), row.numberKey());
        }
        return out;
    }
}
