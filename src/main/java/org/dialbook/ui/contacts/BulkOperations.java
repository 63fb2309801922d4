package org.dialbook.ui.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.dialbook.api.ApiException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.DeleteMany;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListQuery;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.Progress;

/**
 * The background half of bulk edits and deletes: walks every matching contact, sends updates in
 * chunks, deletes one by one, reports progress and stops when cancelled. FX-free and blocking.
 */
final class BulkOperations {
    /** Small enough that progress moves and cancel answers quickly; the API allows 5000. */
    static final int CHUNK = 100;

    /** Per-contact results: which sids worked, and why each other one did not. */
    record Outcome(List<String> succeeded, Map<String, String> failed, boolean cancelled) {
        int attempted() {
            return succeeded.size() + failed.size();
        }
    }

    private final ContactsApi api;

    BulkOperations(ContactsApi api) {
        this.api = api;
    }

    /**
     * Every contact matching the query's search and filter, across all pages, as they are now (undo
     * needs their values). A search the mirror answers is collected from the mirror, without a
     * read; anything else walks the API.
     */
    List<Contact> matchingContacts(ListQuery query, Mirror mirror, Progress progress) {
        MirrorQuery search = mirror == null ? null : new MirrorPages(mirror).search(query);
        if (search == null) {
            return matchingContacts(query, progress);
        }
        List<Contact> found = new ArrayList<>();
        mirror.forEach(search, contact -> {
            if (progress.isCancelled()) {
                throw new CancellationException("Cancelled while collecting the matching contacts");
            }
            found.add(contact);
        });
        return found;
    }

    List<Contact> matchingContacts(ListQuery query, Progress progress) {
        List<Contact> sids = new ArrayList<>();
        try (Stream<Contact> contacts = api.streamContacts(query.withOffset(0))) {
            var iterator = contacts.iterator();
            while (iterator.hasNext()) {
                if (progress.isCancelled()) {
                    throw new CancellationException("Cancelled while collecting the matching contacts");
                }
                sids.add(iterator.next());
                if (sids.size() % ListQuery.MAX_LIMIT == 0) {
                    progress.update(-1, -1, "Found " + sids.size() + " matching contacts");
                }
            }
        }
        return sids;
    }

    Outcome update(List<String> sids, ContactPatch patch, Progress progress) {
        List<String> succeeded = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (int start = 0; start < sids.size(); start += CHUNK) {
            if (progress.isCancelled()) {
                return new Outcome(succeeded, failed, true);
            }
            List<String> chunk = sids.subList(start, Math.min(sids.size(), start + CHUNK));
            progress.update(start, sids.size(), "Updated " + start + " of " + sids.size());
            try {
                BulkResult<Contact> result = api.updateContacts(
                        chunk.stream().map(sid -> new ContactUpdate(sid, patch)).toList());
                for (ItemOutcome<Contact> item : result.items()) {
                    String sid = chunk.get(item.index());
                    if (item.succeeded()) {
                        succeeded.add(sid);
                    } else {
                        failed.put(sid, item.status() == ItemOutcome.Status.UNKNOWN
                                ? "The answer was lost; refresh to see whether it changed" : item.error().summary());
                    }
                }
            } catch (ApiException e) {
                String reason = ErrorMessages.describe(e);
                chunk.forEach(sid -> failed.put(sid, reason));
            }
        }
        progress.update(sids.size(), sids.size(), "Updated " + succeeded.size() + " of " + sids.size());
        return new Outcome(succeeded, failed, false);
    }

    Outcome delete(List<String> sids, Progress progress) {
        List<String> succeeded = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        progress.update(0, sids.size(), "Deleted 0 of " + sids.size());
        DeleteMany.Result result = DeleteMany.run(api, sids, progress::isCancelled, new DeleteMany.Listener() {
            @Override
            public void deleted(String sid, Contact deleted) {
                succeeded.add(sid);
            }

            @Override
            public void failed(String sid, ApiException error) {
                failed.put(sid, ErrorMessages.describe(error));
            }

            @Override
            public void progress(int done, int total) {
                progress.update(done, total, "Deleted " + done + " of " + total);
            }
        });
        if (result.cancelled()) {
            return new Outcome(succeeded, failed, true);
        }
        progress.update(sids.size(), sids.size(), "Deleted " + succeeded.size() + " of " + sids.size());
        return new Outcome(succeeded, failed, false);
    }
}
