package org.dialbook.sandbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialbook.api.ListQuery;
import org.dialbook.api.SortBy;
import org.dialbook.sandbox.ContactStore.ListPage;
import org.dialbook.sandbox.ContactsHandler.ItemRefusal;
import org.dialbook.sandbox.ContactsHandler.Refusal;
import org.dialbook.sandbox.JsonSource.Kind;
import org.dialbook.sandbox.JsonSource.Node;
import org.dialbook.sandbox.ListStore.ListChange;
import org.dialbook.sandbox.ListStore.Outcome;
import org.dialbook.sandbox.Wire.Problem;

/**
 * Serves the Lists calls under {@code /v2/accounts/{sid}/lists}. {@link ContactsHandler} has already
 * done the gateway's checks (route, credentials, method, throttle, faults, content type, JSON); this
 * is the calls themselves. Bodies follow the contacts envelope; where the vendor is silent the
 * shapes are the ones written down in docs/CONTRACT.md ("Lists").
 */
final class ListsHandler {
    private static final int MAX_NAME = 1000;
    private static final Problem ITEM_THROTTLED =
            new Problem(429, null, "Injected per-item throttle (sandbox); retry this item");

    private final ContactStore store;
    private final SandboxFaults faults;
    private final int maxListSize;

    ListsHandler(ContactStore store, SandboxFaults faults, int maxListSize) {
        this.store = store;
        this.faults = faults;
        this.maxListSize = maxListSize;
    }

    /** The methods each Lists resource takes, for the 405 check and its {@code Allow} header. */
    static String allowed(List<String> path) {
        return switch (path.size()) {
            case 0 -> "GET, POST, PUT";
            case 1 -> "GET, PUT, DELETE";
            case 2 -> "GET, POST";
            default -> "DELETE";
        };
    }

    int dispatch(StringBuilder out, String method, String requestId, String account, List<String> path, Node json,
            String rawQuery) throws Refusal, SQLException {
        if (path.isEmpty()) {
            return switch (method) {
                case "POST" -> create(out, requestId, account, json);
                case "PUT" -> updateMany(out, requestId, account, json);
                default -> all(out, requestId, account, rawQuery);
            };
        }
        String listSid = path.get(0);
        if (path.size() == 1) {
            return switch (method) {
                case "PUT" -> updateOne(out, requestId, account, listSid, json);
                case "DELETE" -> {
                    int count = store.listSize(listSid);
                    StoredList deleted = require(store.deleteList(account, listSid));
                    yield one(out, requestId, method, deleted, count);
                }
                default -> {
                    StoredList list = require(store.findList(account, listSid));
                    yield one(out, requestId, method, list, store.listSize(listSid));
                }
            };
        }
        if (path.size() == 2) {
            return method.equals("POST") ? add(out, requestId, account, listSid, json)
                    : members(out, requestId, account, listSid, rawQuery);
        }
        String contactSid = path.get(2);
        Problem problem = store.removeFromList(account, listSid, contactSid);
        if (problem != null) {
            throw new Refusal(problem);
        }
        Wire.openEnvelope(out, requestId, method, 200);
        out.append(",\"response\":");
        memberItem(out, listSid, contactSid);
        out.append('}');
        return 200;
    }

    // ---- lists -------------------------------------------------------------------------------------

    private int create(StringBuilder out, String requestId, String account, Node root) throws Refusal, SQLException {
        List<Node> items = array(root, "lists");
        Problem[] problems = new Problem[items.size()];
        List<String[]> drafts = new ArrayList<>();
        List<Integer> draftIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                String[] draft = draft(items.get(i));
                if (faults.drawItem429()) {
                    problems[i] = ITEM_THROTTLED;
                } else {
                    drafts.add(draft);
                    draftIndexes.add(i);
                }
            } catch (ItemRefusal refusal) {
                problems[i] = refusal.problem;
            }
        }
        StoredList[] results = new StoredList[items.size()];
        List<Outcome<StoredList>> made = drafts.isEmpty() ? List.of() : store.createLists(account, drafts);
        for (int k = 0; k < made.size(); k++) {
            int index = draftIndexes.get(k);
            results[index] = made.get(k).value();
            problems[index] = made.get(k).problem();
        }
        writeBulk(out, requestId, "POST", problems, results);
        return 207;
    }

    private static String[] draft(Node item) throws ItemRefusal {
        String name = null;
        String tag = null;
        for (Map.Entry<String, Node> member : item.members().entrySet()) {
            switch (member.getKey()) {
                case "name" -> name = name(member.getValue(), true);
                case "tag" -> tag = ContactsHandler.text("tag", member.getValue());
                default -> throw new ItemRefusal(Problem.invalid("Unknown field \"" + member.getKey() + "\""));
            }
        }
        if (name == null) {
            throw new ItemRefusal(Problem.missing("\"name\" is mandatory"));
        }
        return new String[] {name, tag};
    }

    private static String name(Node value, boolean mandatory) throws ItemRefusal {
        if (value.is(Kind.NULL)) {
            if (mandatory) {
                throw new ItemRefusal(Problem.missing("\"name\" is mandatory"));
            }
            throw new ItemRefusal(Problem.invalid("\"name\" cannot be removed from a list"));
        }
        if (!value.is(Kind.STRING)) {
            throw new ItemRefusal(Problem.invalid("\"name\" must be a string"));
        }
        if (value.string().isBlank()) {
            throw new ItemRefusal(mandatory ? Problem.missing("\"name\" is mandatory")
                    : Problem.invalid("\"name\" cannot be blank"));
        }
        if (value.string().length() > MAX_NAME) {
            throw new ItemRefusal(Problem.invalid("\"name\" is longer than " + MAX_NAME + " characters"));
        }
        return value.string().strip();
    }

    /** Reads a change; {@code pathSid} is the URL's sid for a single update, null in a bulk one. */
    private static ListChange change(Node item, String pathSid) throws ItemRefusal {
        String sid = pathSid;
        String name = null;
        String tag = null;
        boolean tagGiven = false;
        for (Map.Entry<String, Node> member : item.members().entrySet()) {
            Node value = member.getValue();
            switch (member.getKey()) {
                case "sid" -> {
                    if (!value.is(Kind.STRING)) {
                        throw new ItemRefusal(Problem.invalid("\"sid\" must be a string"));
                    }
                    if (pathSid != null && !pathSid.equals(value.string())) {
                        throw new ItemRefusal(Problem.invalid("\"sid\" in the body differs from the sid in the URL"));
                    }
                    sid = value.string();
                }
                case "name" -> name = name(value, false);
                case "tag" -> {
                    tag = ContactsHandler.text("tag", value);
                    tagGiven = true;
                }
                default -> throw new ItemRefusal(Problem.invalid("Unknown field \"" + member.getKey() + "\""));
            }
        }
        if (sid == null) {
            throw new ItemRefusal(Problem.missing("Each item of a bulk update needs its \"sid\""));
        }
        if (name == null && !tagGiven) {
            throw new ItemRefusal(Problem.missing("Give a \"name\" or a \"tag\" to change"));
        }
        return new ListChange(sid, name, tag, tagGiven);
    }

    private int updateMany(StringBuilder out, String requestId, String account, Node root)
            throws Refusal, SQLException {
        List<Node> items = array(root, "lists");
        Problem[] problems = new Problem[items.size()];
        List<ListChange> changes = new ArrayList<>();
        List<Integer> changeIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                ListChange change = change(items.get(i), null);
                if (faults.drawItem429()) {
                    problems[i] = ITEM_THROTTLED;
                } else {
                    changes.add(change);
                    changeIndexes.add(i);
                }
            } catch (ItemRefusal refusal) {
                problems[i] = refusal.problem;
            }
        }
        StoredList[] results = new StoredList[items.size()];
        List<Outcome<StoredList>> updated = changes.isEmpty() ? List.of() : store.updateLists(account, changes);
        for (int k = 0; k < updated.size(); k++) {
            int index = changeIndexes.get(k);
            results[index] = updated.get(k).value();
            problems[index] = updated.get(k).problem();
        }
        writeBulk(out, requestId, "PUT", problems, results);
        return 207;
    }

    private int updateOne(StringBuilder out, String requestId, String account, String listSid, Node root)
            throws Refusal, SQLException {
        if (!root.is(Kind.OBJECT)) {
            throw new Refusal(Problem.malformed("The body must be a JSON object like {\"name\": \"...\"}"));
        }
        ListChange change;
        try {
            change = change(root, listSid);
        } catch (ItemRefusal refusal) {
            throw new Refusal(refusal.problem);
        }
        StoredList updated = require(store.updateLists(account, List.of(change)).get(0));
        return one(out, requestId, "PUT", updated, store.listSize(listSid));
    }

    private int all(StringBuilder out, String requestId, String account, String rawQuery) throws Refusal {
        ListQuery query = ContactsHandler.listQuery(rawQuery);
        if (!query.sortBy().ascending()) {
            throw new Refusal(Problem.invalid("Lists sort by date_created:asc or name:asc; got "
                    + query.sortBy().wireValue()));
        }
        List<Map.Entry<StoredList, Integer>> matches = store.searchLists(account, query.name(),
                query.sortBy().field());
        int end = (int) Math.min(matches.size(), (long) query.offset() + query.limit());
        List<Map.Entry<StoredList, Integer>> page = query.offset() >= end ? List.of()
                : matches.subList(query.offset(), end);
        Wire.openEnvelope(out, requestId, "GET", 200);
        Wire.listMetadata(out, page.size(), query.offset(), query.limit(), matches.size());
        out.append(",\"response\":[");
        for (int i = 0; i < page.size(); i++) {
            out.append(i == 0 ? "" : ",");
            listItem(out, page.get(i).getKey(), page.get(i).getValue());
        }
        out.append("]}");
        return 200;
    }

    private static int one(StringBuilder out, String requestId, String method, StoredList list, int count) {
        Wire.openEnvelope(out, requestId, method, 200);
        out.append(",\"response\":");
        listItem(out, list, count);
        out.append('}');
        return 200;
    }

    // ---- members -----------------------------------------------------------------------------------

    private int add(StringBuilder out, String requestId, String account, String listSid, Node root)
            throws Refusal, SQLException {
        require(store.findList(account, listSid));
        List<Node> items = array(root, "contact_references");
        Problem[] problems = new Problem[items.size()];
        List<String> sids = new ArrayList<>();
        List<Integer> sidIndexes = new ArrayList<>();
        String[] contactSids = new String[items.size()];
        for (int i = 0; i < items.size(); i++) {
            try {
                contactSids[i] = reference(items.get(i));
                if (faults.drawItem429()) {
                    problems[i] = ITEM_THROTTLED;
                } else {
                    sids.add(contactSids[i]);
                    sidIndexes.add(i);
                }
            } catch (ItemRefusal refusal) {
                problems[i] = refusal.problem;
            }
        }
        if (!sids.isEmpty()) {
            Problem[] added = require(store.addToList(account, listSid, sids, maxListSize));
            for (int k = 0; k < added.length; k++) {
                problems[sidIndexes.get(k)] = added[k];
            }
        }
        int failed = 0;
        for (Problem problem : problems) {
            failed += problem == null ? 0 : 1;
        }
        Wire.openEnvelope(out, requestId, "POST", 207);
        Wire.bulkMetadata(out, failed, items.size(), items.size() - failed);
        out.append(",\"response\":[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",");
            if (problems[i] != null) {
                Wire.failureItem(out, problems[i]);
            } else {
                memberItem(out, listSid, contactSids[i]);
            }
        }
        out.append("]}");
        return 207;
    }

    private static String reference(Node item) throws ItemRefusal {
        String sid = null;
        for (Map.Entry<String, Node> member : item.members().entrySet()) {
            if (!member.getKey().equals("contact_sid")) {
                throw new ItemRefusal(Problem.invalid("Unknown field \"" + member.getKey()
                        + "\"; a reference is {\"contact_sid\": \"...\"}"));
            }
            Node value = member.getValue();
            if (!value.is(Kind.NULL)) {
                if (!value.is(Kind.STRING)) {
                    throw new ItemRefusal(Problem.invalid("\"contact_sid\" must be a string"));
                }
                sid = value.string();
            }
        }
        if (sid == null || sid.isBlank()) {
            throw new ItemRefusal(Problem.missing("Each reference needs its \"contact_sid\""));
        }
        return sid;
    }

    private int members(StringBuilder out, String requestId, String account, String listSid, String rawQuery)
            throws Refusal, SQLException {
        require(store.findList(account, listSid));
        ListQuery query = ContactsHandler.listQuery(rawQuery).withListSids(List.of(listSid)).withName(null)
                .withSortBy(SortBy.DEFAULT).withShowLists(false);
        ListPage page = store.list(account, query);
        Wire.openEnvelope(out, requestId, "GET", 200);
        Wire.listMetadata(out, page.items().size(), query.offset(), query.limit(), page.total());
        out.append(",\"response\":[");
        for (int i = 0; i < page.items().size(); i++) {
            out.append(i == 0 ? "" : ",");
            Wire.successItem(out, page.items().get(i), null);
        }
        out.append("]}");
        return 200;
    }

    // ---- shapes ------------------------------------------------------------------------------------

    private static <T> T require(Outcome<T> outcome) throws Refusal {
        if (outcome.problem() != null) {
            throw new Refusal(outcome.problem());
        }
        return outcome.value();
    }

    private static List<Node> array(Node root, String name) throws Refusal {
        if (!root.is(Kind.OBJECT)) {
            throw new Refusal(Problem.malformed("The body must be an object like {\"" + name + "\": [...]}"));
        }
        for (String member : root.members().keySet()) {
            if (!member.equals(name)) {
                throw new Refusal(Problem.malformed("Unexpected member \"" + member + "\" in the body; it must be {\""
                        + name + "\": [...]}"));
            }
        }
        Node array = root.members().get(name);
        if (array == null || !array.is(Kind.ARRAY)) {
            throw new Refusal(Problem.malformed("The body must hold an array \"" + name + "\""));
        }
        List<Node> items = array.elements();
        if (items.isEmpty() || items.size() > ContactsHandler.MAX_ITEMS) {
            throw new Refusal(Problem.invalid("\"" + name + "\" must hold 1 to " + ContactsHandler.MAX_ITEMS
                    + " items; got " + items.size()));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).is(Kind.OBJECT)) {
                throw new Refusal(Problem.malformed(name + "[" + i + "] is not an object"));
            }
        }
        return items;
    }

    private void writeBulk(StringBuilder out, String requestId, String method, Problem[] problems,
            StoredList[] results) {
        int failed = 0;
        for (Problem problem : problems) {
            failed += problem == null ? 0 : 1;
        }
        Wire.openEnvelope(out, requestId, method, 207);
        Wire.bulkMetadata(out, failed, results.length, results.length - failed);
        out.append(",\"response\":[");
        for (int i = 0; i < results.length; i++) {
            out.append(i == 0 ? "" : ",");
            if (problems[i] != null) {
                Wire.failureItem(out, problems[i]);
            } else {
                listItem(out, results[i], store.listSize(results[i].sid()));
            }
        }
        out.append("]}");
    }

    private static void listItem(StringBuilder out, StoredList list, int count) {
        out.append("{\"code\":200,\"error_data\":null,\"status\":\"success\",\"data\":{\"sid\":\"").append(list.sid())
                .append("\",\"name\":");
        JsonSource.writeString(out, list.name());
        out.append(",\"tag\":");
        JsonSource.writeNullableString(out, list.tag());
        out.append(",\"contact_count\":").append(count).append(",\"account_sid\":");
        JsonSource.writeString(out, list.accountSid());
        out.append(",\"date_created\":\"").append(Wire.timestamp(list.createdMicros()))
                .append("\",\"date_updated\":\"").append(Wire.timestamp(list.updatedMicros()))
                .append("\",\"uri\":");
        JsonSource.writeString(out, list.uri());
        out.append("}}");
    }

    private static void memberItem(StringBuilder out, String listSid, String contactSid) {
        out.append("{\"code\":200,\"error_data\":null,\"status\":\"success\",\"data\":{\"list_sid\":");
        JsonSource.writeString(out, listSid);
        out.append(",\"contact_sid\":");
        JsonSource.writeString(out, contactSid);
        out.append("}}");
    }
}
