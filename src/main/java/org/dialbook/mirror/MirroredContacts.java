package org.dialbook.mirror;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.dialbook.api.ApiException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListQuery;
import org.dialbook.api.WaitListener;
import org.dialbook.api.NewContact;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.Page;
import org.dialbook.api.SortBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API with the mirror beside it, for whole-book jobs such as the import: every call goes to the
 * server and the mirror takes the server's answers (creates, edits, deletes, pages read); a walk of
 * the whole account is served by the mirror after an incremental sync, instead of one read per 20
 * contacts, and a name search by the mirror's search. A mirror that is not complete yet, or a sync
 * that fails, leaves the walk to the server.
 */
public final class MirroredContacts implements ContactsApi {
    private static final Logger LOG = LoggerFactory.getLogger(MirroredContacts.class);

    private final ContactsApi live;
    private final Mirror mirror;
    private final MirrorSync sync;

    public MirroredContacts(ContactsApi live, Mirror mirror, ReadGate gate, Clock clock) {
        this.live = Objects.requireNonNull(live, "live");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.sync = new MirrorSync(mirror, ContactPages.of(live), gate, clock);
    }

    @Override
    public BulkResult<Contact> createContacts(List<NewContact> contacts) {
        return remember(live.createContacts(contacts));
    }

    @Override
    public Contact updateContact(String sid, ContactPatch patch) {
        Contact updated = live.updateContact(sid, patch);
        mirror.put(List.of(updated));
        return updated;
    }

    @Override
    public BulkResult<Contact> updateContacts(List<ContactUpdate> updates) {
        return remember(live.updateContacts(updates));
    }

    @Override
    public Contact getContact(String sid) {
        try {
            Contact contact = live.getContact(sid);
            mirror.put(List.of(contact));
            return contact;
        } catch (NotFoundException e) {
            mirror.delete(List.of(sid));
            throw e;
        }
    }

    /**
     * A name search is answered by a complete mirror, which finds any part of any field (what the
     * search box shows, so an export of a search writes what was on screen); anything else by the
     * server.
     */
    @Override
    public Page<Contact> listContacts(ListQuery query) {
        MirrorQuery search = MirrorQuery.forListQuery(query);
        if (search != null && mirror.status().complete()) {
            List<Contact> items = mirror.search(search, query.offset(), query.limit());
            return new Page<>(items, query.offset(), query.limit(), (int) Math.min(Integer.MAX_VALUE,
                    mirror.count(search)));
        }
        Page<Contact> page = live.listContacts(query);
        mirror.put(page.items());
        return page;
    }

    @Override
    public Contact deleteContact(String sid) {
        try {
            Contact deleted = live.deleteContact(sid);
            mirror.delete(List.of(sid));
            return deleted;
        } catch (NotFoundException e) {
            mirror.delete(List.of(sid));
            throw e;
        }
    }

    /** The waits are the live client's: the mirror itself never waits. */
    @Override
    public WaitListener.Subscription onWait(WaitListener listener) {
        return live.onWait(listener);
    }

    @Override
    public Stream<Contact> streamContacts(ListQuery query) {
        MirrorQuery search = MirrorQuery.forListQuery(query);
        if (search != null && mirror.status().complete()) {
            return mirror.streamSearch(search, query.offset());
        }
        boolean wholeBook = query.offset() == 0 && query.name() == null && query.listSids().isEmpty()
                && query.sortBy().equals(SortBy.DEFAULT) && !query.showLists();
        if (wholeBook && mirror.status().complete()) {
            try {
                MirrorSync.Result result = sync.run(MirrorSync.Mode.INCREMENTAL, progress -> { }, () -> false);
                if (!result.cancelled()) {
                    return mirror.streamAll();
                }
            } catch (ApiException | MirrorException e) {
                LOG.warn("Could not bring the mirror up to date; walking the account instead", e);
            }
        }
        return live.streamContacts(query);
    }

    private BulkResult<Contact> remember(BulkResult<Contact> result) {
        List<Contact> saved = new ArrayList<>();
        for (ItemOutcome<Contact> item : result.successes()) {
            if (item.value() != null) {
                saved.add(item.value());
            }
        }
        mirror.put(saved);
        return result;
    }
}
