package org.dialbook.ui.contacts;

import java.util.List;
import java.util.Objects;
import org.dialbook.api.Contact;
import org.dialbook.api.ListQuery;
import org.dialbook.api.ServerFaultException;
import org.dialbook.api.SortBy;
import org.dialbook.api.TransportException;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorSort;
import org.dialbook.mirror.MirrorStatus;

/**
 * The table's side of the local mirror: pages of a search, the first page painted before the network
 * answers, the page shown when offline, and the contacts the API returned, written back. Blocking:
 * called from background tasks only.
 */
final class MirrorPages {
    private final Mirror mirror;

    MirrorPages(Mirror mirror) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
    }

    /**
     * The mirror search for the table's query, narrowed by the filter chips' tag and company and sorted
     * by the column clicked in {@code refinement} (null for none): a search, or a filter by one list
     * whose members the mirror holds (so it works offline and without a call); null when the API
     * answers. No I/O.
     */
    MirrorQuery search(ListQuery query, MirrorQuery refinement) {
        if (query.listSids().size() == 1 && mirror.lists().knowsMembers(query.listSids().get(0))) {
            ListQuery withoutList = query.withListSids(List.of());
            MirrorQuery base = MirrorQuery.forListQuery(withoutList, refinement);
            return (base == null ? browse(withoutList) : base).withList(query.listSids().get(0));
        }
        return MirrorQuery.forListQuery(query, refinement);
    }

    /** The contacts with their lists' names from the mirror, for the "Lists" column, without a call. */
    List<Contact> named(List<Contact> contacts) {
        return contacts.isEmpty() ? contacts : mirror.lists().withNames(contacts);
    }

    /** The query's sort and filter, without search text. */
    static MirrorQuery browse(ListQuery query) {
        SortBy sort = query.sortBy();
        boolean byName = sort.wireValue().startsWith("name");
        boolean descending = sort.wireValue().endsWith("desc");
        return MirrorQuery.text(null).sortedBy(byName ? MirrorSort.FIRST_NAME : MirrorSort.MIRROR, descending);
    }

    /**
     * One page of {@code query}; the total is provisional (at least one more when the page is full)
     * until {@link #count} answers, so the first rows never wait for the count.
     */
    ContactPage page(MirrorQuery query, int offset, int limit) {
        List<Contact> items = named(mirror.search(query, offset, limit));
        int provisional = offset + items.size() + (items.size() == limit ? 1 : 0);
        return new ContactPage(items, offset, provisional);
    }

    int count(MirrorQuery query) {
        return (int) Math.min(Integer.MAX_VALUE, mirror.count(query));
    }

    /** A browse page from the mirror, with the account's total as last synced. */
    ContactPage browsePage(ListQuery query) {
        List<Contact> items = named(mirror.search(browse(query), query.offset(), query.limit()));
        MirrorStatus status = mirror.status();
        int total = (int) Math.max(status.mirrored(), status.complete() ? 0 : status.serverTotal());
        return new ContactPage(items, query.offset(), total);
    }

    boolean isEmpty() {
        return mirror.size() == 0;
    }

    MirrorStatus status() {
        return mirror.status();
    }

    /** Pages the table loaded refresh what the mirror holds, at no extra read. */
    void absorb(List<Contact> contacts) {
        if (!contacts.isEmpty()) {
            mirror.put(contacts);
        }
    }

    void forget(List<String> sids) {
        mirror.delete(sids);
    }

    Mirror mirror() {
        return mirror;
    }

    /** A failure that means the server cannot be reached, as opposed to one it answered. */
    static boolean unreachable(Throwable failure) {
        return failure instanceof TransportException || failure instanceof ServerFaultException
                || failure instanceof java.io.IOException;
    }
}
