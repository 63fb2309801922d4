package org.dialbook.importer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.api.Page;
import org.dialbook.api.SortBy;
import org.dialbook.contact.PhoneRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles creates whose answer was lost (docs/CONTRACT.md): lists the account newest-first back to the
 * first contact an earlier, settled batch of this import made, or to when the request left (minus a
 * window for clock skew), whichever comes first, and matches numbers. So the reads are bounded by the
 * lost batch (about batch/20 pages), not by the size of the account. A contact already claimed
 * by another row of this import is never matched twice, so only truly missing rows are re-sent.
 */
final class Reconciler {
    private static final SortBy NEWEST_FIRST = new SortBy(SortBy.Field.DATE_CREATED, false);

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ContactsApi api;
    private final Duration window;
    private final AtomicLong listCalls = new AtomicLong();
    private final PhoneRule phones;

    Reconciler(ContactsApi api, Duration window, PhoneRule phones) {
        this.api = api;
        this.window = window;
        this.phones = phones;
    }

    /**
     * @param journal the import's journal, or null for a single create outside an import
     * @param rows row number to number key of the rows to look for
     * @return row number to the sid of the contact found for it; rows not found are absent
     */
    Map<Long, String> find(Map<Long, Long> rows, Instant since, ImportJournal journal) throws IOException {
        return find(rows, since, journal, Set.of());
    }

    /**
     * As {@link #find(Map, Instant, ImportJournal)}, where {@code claimedElsewhere} are contacts
     * already given to rows that are not journaled yet (another request's answer, still to settle).
     */
    Map<Long, String> find(Map<Long, Long> rows, Instant since, ImportJournal journal, Set<String> claimedElsewhere)
            throws IOException {
        Map<Long, Deque<String>> candidates = new HashMap<>();
        Set<Long> wanted = new HashSet<>(rows.values());
        Set<String> candidateSids = new HashSet<>();
        Instant cutoff = since.minus(window);
        Set<String> earlier = createdBefore(journal, since);
        long calls = 0;
        ListQuery query = ListQuery.firstPage().withSortBy(NEWEST_FIRST);
        walk:
        while (true) {
            Page<Contact> page = api.listContacts(query);
            calls++;
            for (Contact contact : page.items()) {
                // Newest first: everything past a contact that an earlier, settled batch of this import
                // made, or past the time the lost request left, is older than the lost batch.
                if (earlier.contains(contact.sid())
                        || contact.dateCreated() != null && contact.dateCreated().toInstant().isBefore(cutoff)) {
                    break walk;
                }
                long key = phones.keyOf(contact.number());
                if (wanted.contains(key)) {
                    // Oldest first: the walk is newest-first, so prepend.
                    candidates.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(contact.sid());
                    candidateSids.add(contact.sid());
                }
            }
            if (!page.hasNext() || page.items().isEmpty()) {
                break;
            }
            query = query.withOffset(page.nextOffset());
        }
        listCalls.addAndGet(calls);
        LOG.info("Checking the account for {} rows whose answer was lost took {} list calls", rows.size(), calls);
        Set<String> claimed = claimedBy(journal, candidateSids);
        claimed.addAll(claimedElsewhere);
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

    /** List calls spent checking the account so far. */
    long listCalls() {
        return listCalls.get();
    }

    /**
     * The sids this import created in batches sent before {@code since}: outcome lines written before
     * the first batch that left at or after it. Batches start in order and a batch's rows are
     * journaled only after its request ended, so these contacts are all older than the lost batch's,
     * whatever the server's clock says (with two requests in flight, the batch just before may not be
     * among them: the walk then reads its page or pages too).
     */
    private static Set<String> createdBefore(ImportJournal journal, Instant since) throws IOException {
        Set<String> sids = new HashSet<>();
        if (journal == null) {
            return sids;
        }
        boolean[] reached = {false};
        long sinceMillis = since.toEpochMilli();
        journal.flush();
        JournalState.forEachLine(journal.journalFile(), json -> {
            if (reached[0]) {
                return;
            }
            String kind = json.get("k").getAsString();
            if (kind.equals("batch") && json.get("at").getAsLong() >= sinceMillis) {
                reached[0] = true;
            } else if (kind.equals("row") && json.has("sid") && "CREATED".equals(json.get("o").getAsString())) {
                sids.add(json.get("sid").getAsString());
            }
        });
        return sids;
    }

    /** Which of these sids the journal already gives to a row. */
    private static Set<String> claimedBy(ImportJournal journal, Set<String> sids) throws IOException {
        Set<String> claimed = new HashSet<>();
        if (sids.isEmpty() || journal == null) {
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
