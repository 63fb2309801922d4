package org.dialbook.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;

/**
 * The "Campaign - Lists" calls, on the same connection, rate cap and retry rules as
 * {@link ContactsClient} (get one from {@link ContactsClient#lists()}).
 *
 * <p>Lost answers: a create whose answer was lost is settled by looking the name up (names are
 * unique in an account), and an add of contacts by reading the list's members back; only what is
 * still missing is sent again. Bulk calls split at 5000 and report every item; partial failure is
 * data, as for contacts.
 */
public final class ListsClient {
    private static final int CONFLICT = 409;

    private final HttpUrl listsUrl;
    private final CallRunner calls;
    /** Lists, and list members: each learns on its own how many items fit under a body cap (413). */
    private final BulkSender batches;
    private final BulkSender memberBatches;

    ListsClient(ConnectionSettings settings, HttpExecutor executor, Retries retries, int maxBatchSize) {
        this.listsUrl = HttpUrl.get(settings.baseUrl() + "/v2/accounts/" + settings.accountSid() + "/lists");
        this.calls = new CallRunner(executor, retries);
        this.batches = new BulkSender(executor, retries, maxBatchSize);
        this.memberBatches = new BulkSender(executor, retries, maxBatchSize);
    }

    // ---- lists -------------------------------------------------------------------------------------

    /** Creates lists; a taken name is that item's 409 / 1008 failure. */
    public BulkResult<CampaignList> createLists(List<NewList> lists) {
        List<JsonObject> items = lists.stream().map(ListJson::toJson).toList();
        BulkResult<CampaignList> result = batches.send("POST", listsUrl, "lists", items, false, this::readList);
        if (result.unknowns().isEmpty()) {
            return result;
        }
        List<ItemOutcome<CampaignList>> settled = new ArrayList<>(result.items());
        for (ItemOutcome<CampaignList> outcome : result.unknowns()) {
            settled.set(outcome.index(), settleCreate(lists.get(outcome.index()), outcome));
        }
        return new BulkResult<>(settled);
    }

    /** Creates one list. @throws ApiException with 409 / 1008 when the name is taken */
    public CampaignList createList(NewList list) {
        ItemOutcome<CampaignList> outcome = createLists(List.of(list)).items().get(0);
        if (outcome.succeeded()) {
            return outcome.value();
        }
        ApiError error = outcome.error();
        if (outcome.status() == ItemOutcome.Status.UNKNOWN) {
            throw new TransportException(error.summary(), true, null);
        }
        throw ApiErrors.toException(error.httpCode(), error, null);
    }

    /**
     * The name is unique, so a lost create is settled by the name: found means it was made; absent
     * means it never was, and one more try is safe (a replay that did land is a 409, looked up again).
     */
    private ItemOutcome<CampaignList> settleCreate(NewList wanted, ItemOutcome<CampaignList> unknown) {
        try {
            Optional<CampaignList> found = findByName(wanted.name());
            if (found.isPresent()) {
                return ItemOutcome.success(unknown.index(), 200, found.get());
            }
            ItemOutcome<CampaignList> again = batches.send("POST", listsUrl, "lists",
                    List.of(ListJson.toJson(wanted)), false, this::readList).items().get(0);
            if (again.succeeded() || again.httpCode() == CONFLICT || again.status() == ItemOutcome.Status.UNKNOWN) {
                Optional<CampaignList> made = findByName(wanted.name());
                if (made.isPresent()) {
                    return ItemOutcome.success(unknown.index(), 200, made.get());
                }
            }
            return new ItemOutcome<>(unknown.index(), again.status(), again.httpCode(), again.value(), again.error());
        } catch (ApiException e) {
            return unknown;
        }
    }

    /** One page of the account's lists. */
    public Page<CampaignList> lists(ListsQuery query) {
        HttpUrl.Builder url = listsUrl.newBuilder()
                .addQueryParameter("offset", Integer.toString(query.offset()))
                .addQueryParameter("limit", Integer.toString(query.limit()));
        if (query.name() != null) {
            url.addQueryParameter("name", query.name());
        }
        if (!query.sortBy().equals(SortBy.DEFAULT)) {
            url.addEncodedQueryParameter("sort_by", query.sortBy().wireValue());
        }
        Envelope envelope = calls.call("GET", url.build(), null, true);
        List<CampaignList> lists = new ArrayList<>(envelope.items().size());
        for (Envelope.Item item : envelope.items()) {
            lists.add(readData(item, envelope, "GET"));
        }
        return new Page<>(lists, envelope.metadataInt("offset", query.offset()),
                envelope.metadataInt("limit", query.limit()),
                envelope.metadataInt("total", query.offset() + lists.size()));
    }

    /** Every list of the account from the query's offset on, page by page (an account has few). */
    public List<CampaignList> allLists(ListsQuery query) {
        List<CampaignList> all = new ArrayList<>();
        Page<CampaignList> page = lists(query);
        all.addAll(page.items());
        while (page.hasNext() && !page.items().isEmpty()) {
            page = lists(query.withOffset(page.nextOffset()));
            all.addAll(page.items());
        }
        return all;
    }

    /** The list with exactly this name, ignoring case (names are unique that way), if any. */
    public Optional<CampaignList> findByName(String name) {
        String wanted = name.strip();
        List<CampaignList> candidates = allLists(ListsQuery.firstPage().withName(wanted));
        Optional<CampaignList> exact = candidates.stream().filter(l -> wanted.equals(l.name())).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return candidates.stream().filter(l -> l.name() != null && l.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The list a person named: by sid when the text is one, else by name.
     *
     * @throws NotFoundException naming the text when no list matches
     */
    public CampaignList resolve(String nameOrSid) {
        String text = nameOrSid == null ? "" : nameOrSid.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Name a list by its name or sid");
        }
        if (text.toLowerCase(Locale.ROOT).matches("[0-9a-f]{32}")) {
            try {
                return getList(text);
            } catch (NotFoundException e) {
                // A 32-hex name is possible; fall through to the name.
            }
        }
        return findByName(text).orElseThrow(() -> new NotFoundException(404, 1000,
                "No list named '" + text + "' in this account", null));
    }

    public CampaignList getList(String listSid) {
        Envelope envelope = calls.call("GET", listUrl(listSid), null, true);
        return single(envelope, "GET");
    }

    /** Renames and/or retags one list. @throws ApiException 409 / 1008 when the name is taken */
    public CampaignList updateList(ListUpdate update) {
        Envelope envelope = calls.call("PUT", listUrl(update.sid()), ListJson.toJson(update, false).toString(), true);
        return single(envelope, "PUT");
    }

    public BulkResult<CampaignList> updateLists(List<ListUpdate> updates) {
        List<JsonObject> items = updates.stream().map(u -> ListJson.toJson(u, true)).toList();
        return batches.send("PUT", listsUrl, "lists", items, true, this::readList);
    }

    /** Deletes a list; its contacts stay in the book. Returns the list as it was, when the server says. */
    public CampaignList deleteList(String listSid) {
        Envelope envelope = calls.call("DELETE", listUrl(listSid), null, true);
        Envelope.Item item = envelope.items().isEmpty() ? null : envelope.items().get(0);
        if (item == null || item.data() == null) {
            return new CampaignList(listSid, null, null, null, null, null, null);
        }
        return readData(item, envelope, "DELETE");
    }

    // ---- members -----------------------------------------------------------------------------------

    /**
     * Adds contacts to a list, 5000 a request. Each item says what happened: 404 / 1000 for a
     * contact that does not exist, 400 / 1002 when the list is full. A contact already in the list
     * counts as added. Items whose answer was lost are settled by reading the list back, and only
     * those not found there are sent once more.
     */
    public BulkResult<ListMember> addContacts(String listSid, List<String> contactSids) {
        HttpUrl url = listUrl(listSid).newBuilder().addPathSegment("contacts").build();
        List<JsonObject> items = contactSids.stream().map(ListJson::reference).toList();
        BulkSender.Reader<ListMember> reader = (index, item, envelope) -> {
            if (item.success() || isDuplicate(item)) {
                return ItemOutcome.success(index, item.code(),
                        ListJson.member(item.data(), listSid, contactSids.get(index)));
            }
            return new ItemOutcome<>(index, ItemOutcome.Status.FAILURE, item.code(), null,
                    BulkOutcomes.failureOf(item, envelope));
        };
        BulkResult<ListMember> result = memberBatches.send("POST", url, "contact_references", items, false, reader);
        if (result.unknowns().isEmpty()) {
            return result;
        }
        return settleAdds(listSid, url, contactSids, items, result, reader);
    }

    private BulkResult<ListMember> settleAdds(String listSid, HttpUrl url, List<String> contactSids,
            List<JsonObject> items, BulkResult<ListMember> result, BulkSender.Reader<ListMember> reader) {
        Set<String> members;
        try (Stream<Contact> inList = streamContacts(listSid)) {
            members = inList.map(Contact::sid).collect(Collectors.toCollection(HashSet::new));
        } catch (ApiException e) {
            return result;
        }
        List<ItemOutcome<ListMember>> settled = new ArrayList<>(result.items());
        List<Integer> resend = new ArrayList<>();
        for (ItemOutcome<ListMember> outcome : result.unknowns()) {
            String sid = contactSids.get(outcome.index());
            if (members.contains(sid)) {
                settled.set(outcome.index(), ItemOutcome.success(outcome.index(), 200, new ListMember(listSid, sid)));
            } else {
                resend.add(outcome.index());
            }
        }
        if (!resend.isEmpty()) {
            List<JsonObject> again = resend.stream().map(items::get).toList();
            BulkResult<ListMember> retried = memberBatches.send("POST", url, "contact_references", again, false,
                    (k, item, envelope) -> reindex(reader.read(resend.get(k), item, envelope), resend.get(k)));
            for (int k = 0; k < resend.size(); k++) {
                settled.set(resend.get(k), reindex(retried.items().get(k), resend.get(k)));
            }
        }
        return new BulkResult<>(settled);
    }

    private static <T> ItemOutcome<T> reindex(ItemOutcome<T> outcome, int index) {
        return new ItemOutcome<>(index, outcome.status(), outcome.httpCode(), outcome.value(), outcome.error());
    }

    /** Takes one contact out of a list; the contact stays in the book. */
    public ListMember removeContact(String listSid, String contactSid) {
        requireSid(contactSid, "contact");
        HttpUrl url = listUrl(listSid).newBuilder().addPathSegment("contacts").addPathSegment(contactSid).build();
        Envelope envelope = calls.call("DELETE", url, null, true);
        JsonObject data = envelope.items().isEmpty() ? null : envelope.items().get(0).data();
        return ListJson.member(data, listSid, contactSid);
    }

    /** One page (at most 20) of a list's contacts. */
    public Page<Contact> contacts(String listSid, int offset, int limit) {
        Page<JsonObject> page = contactsJson(listSid, offset, limit);
        List<Contact> contacts = new ArrayList<>(page.items().size());
        for (JsonObject data : page.items()) {
            try {
                contacts.add(ContactJson.fromJson(data));
            } catch (JsonParseException e) {
                throw new TransportException("The list's contacts hold one that cannot be read: " + e.getMessage(),
                        false, null);
            }
        }
        return new Page<>(contacts, page.offset(), page.limit(), page.total());
    }

    /** {@link #contacts} with each contact exactly as the API returned it, for the CLI's JSON output. */
    public Page<JsonObject> contactsJson(String listSid, int offset, int limit) {
        ListQuery checked = ListQuery.firstPage().withOffset(offset).withLimit(limit);
        HttpUrl url = listUrl(listSid).newBuilder().addPathSegment("contacts")
                .addQueryParameter("offset", Integer.toString(checked.offset()))
                .addQueryParameter("limit", Integer.toString(checked.limit())).build();
        Envelope envelope = calls.call("GET", url, null, true);
        List<JsonObject> contacts = new ArrayList<>(envelope.items().size());
        for (Envelope.Item item : envelope.items()) {
            if (item.data() == null) {
                throw new TransportException("The answer for the list's contacts holds an item without a contact"
                        + BulkSender.requestIdSuffix(envelope), false, null);
            }
            contacts.add(item.data());
        }
        return new Page<>(contacts, envelope.metadataInt("offset", offset), envelope.metadataInt("limit", limit),
                envelope.metadataInt("total", offset + contacts.size()));
    }

    /** Every contact of a list exactly as the API returned it, page by page as the stream is read. */
    public Stream<JsonObject> streamContactsJson(String listSid) {
        return PageWalker.stream(ListQuery.firstPage(), q -> contactsJson(listSid, q.offset(), q.limit()));
    }

    /** Every contact of a list, fetched page by page as the stream is read. */
    public Stream<Contact> streamContacts(String listSid) {
        return PageWalker.stream(ListQuery.firstPage(), q -> contacts(listSid, q.offset(), q.limit()));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private HttpUrl listUrl(String listSid) {
        requireSid(listSid, "list");
        return listsUrl.newBuilder().addPathSegment(listSid).build();
    }

    private static void requireSid(String sid, String what) {
        if (sid == null || sid.isBlank()) {
            throw new IllegalArgumentException("A " + what + " sid is required");
        }
    }

    private static boolean isDuplicate(Envelope.Item item) {
        return item.code() == CONFLICT || (item.error() != null && Integer.valueOf(1008).equals(item.error().code()));
    }

    private ItemOutcome<CampaignList> readList(int index, Envelope.Item item, Envelope envelope) {
        if (!item.success()) {
            return new ItemOutcome<>(index, ItemOutcome.Status.FAILURE, item.code(), null,
                    BulkOutcomes.failureOf(item, envelope));
        }
        if (item.data() == null) {
            return ItemOutcome.unknown(index, new ApiError(item.code(), null,
                    "The server reported success but returned no list" + BulkSender.requestIdSuffix(envelope), null));
        }
        try {
            return ItemOutcome.success(index, item.code(), ListJson.list(item.data()));
        } catch (JsonParseException e) {
            return ItemOutcome.unknown(index, new ApiError(item.code(), null,
                    "The server reported success but its list could not be read: " + e.getMessage(), null));
        }
    }

    private static CampaignList single(Envelope envelope, String method) {
        if (envelope.items().isEmpty() || envelope.items().get(0).data() == null) {
            throw new TransportException("The answer to " + method + " holds no list"
                    + BulkSender.requestIdSuffix(envelope), !"GET".equals(method), null);
        }
        return readData(envelope.items().get(0), envelope, method);
    }

    private static CampaignList readData(Envelope.Item item, Envelope envelope, String method) {
        if (!item.success() || item.data() == null) {
            throw new TransportException("The answer to " + method + " holds a failed list item (" + item.code() + ")"
                    + BulkSender.requestIdSuffix(envelope), false, null);
        }
        try {
            return ListJson.list(item.data());
        } catch (JsonParseException e) {
            throw new TransportException("The answer to " + method + " holds a list that cannot be read: "
                    + e.getMessage() + BulkSender.requestIdSuffix(envelope), !"GET".equals(method), null);
        }
    }
}
