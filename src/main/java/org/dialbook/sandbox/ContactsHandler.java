package org.dialbook.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ListQuery;
import org.dialbook.api.SortBy;
import org.dialbook.sandbox.ContactStore.Change;
import org.dialbook.sandbox.ContactStore.Found;
import org.dialbook.sandbox.ContactStore.ListPage;
import org.dialbook.sandbox.ContactStore.Lookup;
import org.dialbook.sandbox.JsonSource.Kind;
import org.dialbook.sandbox.JsonSource.Node;
import org.dialbook.sandbox.Wire.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /v2/accounts/{sid}/contacts[/{contact_sid}]} as docs/CONTRACT.md describes. Checks run
 * in the order a real gateway would: route, credentials, account, method, throttle, injected faults,
 * content type, size, JSON, then the call itself.
 */
final class ContactsHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ContactsHandler.class);

    static final int MAX_ITEMS = 5000;
    private static final int PARALLEL_THRESHOLD = 256;
    private static final Problem ITEM_THROTTLED =
            new Problem(429, null, "Injected per-item throttle (sandbox); retry this item");

    private final ContactStore store;
    private final List<SandboxAccount> accounts;
    private final SandboxFaults faults;
    private final Throttle throttle;
    static final int WRITES_PER_MINUTE = 30;
    static final int READS_PER_MINUTE = 300;
    private final boolean exotelLimits;
    private static final int LOG_LIMIT = 100_000;
    private final ArrayDeque<SandboxRequest> log = new ArrayDeque<>();
    private final boolean restException429;
    private final long maxBodyBytes;
    private final ListsHandler lists;

    /** A whole request refused; carries what to answer. */
    static final class Refusal extends Exception {
        final Problem problem;
        final long retryAfterSeconds;

        Refusal(Problem problem) {
            this(problem, 0);
        }

        Refusal(Problem problem, long retryAfterSeconds) {
            super(problem.description(), null, false, false);
            this.problem = problem;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** One item refused inside a bulk call (or the single item of a one-resource call). */
    static final class ItemRefusal extends Exception {
        final Problem problem;

        ItemRefusal(Problem problem) {
            super(problem.description(), null, false, false);
            this.problem = problem;
        }
    }

    record Reply(int status, String body) {
    }

    /** {@code listPath} is null for the contacts resource, else the segments after {@code lists}. */
    private record Route(String accountSid, String contactSid, List<String> listPath) {
    }

    ContactsHandler(ContactStore store, List<SandboxAccount> accounts, SandboxFaults faults, Throttle throttle,
            long maxBodyBytes, int maxListSize) {
        this(store, accounts, faults, throttle, maxBodyBytes, maxListSize, false, false);
    }

    /**
     * @param maxListSize the most contacts one campaign list may hold (Exotel: 100,000)
     * @param exotelLimits Exotel's published per-account budgets (30 writes, 300 reads a minute) with
     *     {@code X-RateLimit-*} headers on every answer
     * @param restException429 a 429 carries the {@code RestException} body instead of the v2 envelope
     */
    ContactsHandler(ContactStore store, List<SandboxAccount> accounts, SandboxFaults faults, Throttle throttle,
            long maxBodyBytes, int maxListSize, boolean exotelLimits, boolean restException429) {
        this.lists = new ListsHandler(store, faults, maxListSize);
        this.exotelLimits = exotelLimits;
        this.restException429 = restException429;
        this.store = store;
        this.accounts = List.copyOf(accounts);
        this.faults = faults;
        this.throttle = throttle;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.newSid();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        long arrived = throttle.now();
        try {
            Reply reply;
            try {
                reply = process(exchange, method, requestId);
            } catch (Refusal refusal) {
                if (refusal.retryAfterSeconds > 0) {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(refusal.retryAfterSeconds));
                }
                if (refusal.problem.http() == 401) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Dialbook sandbox\"");
                }
                reply = new Reply(refusal.problem.http(), refusal.problem.http() == 429 && restException429
                        ? restException(refusal.retryAfterSeconds)
                        : Wire.errorEnvelope(requestId, method, refusal.problem));
            } catch (SQLException | RuntimeException e) {
                LOG.error("Request {} {} failed inside the sandbox", method, requestId, e);
                reply = new Reply(500, Wire.errorEnvelope(requestId, method,
                        new Problem(500, null, "The sandbox failed to handle the request (request " + requestId + ")")));
            }
            // Logged before answering, so a client that has its answer finds the request in the log.
            remember(new SandboxRequest(method, Instant.ofEpochMilli(arrived), reply == null ? 0 : reply.status()));
            if (reply == null) {
                // The lost-response fault: the work is committed, the answer never arrives.
                LOG.debug("Dropping the connection of request {} on purpose", requestId);
                exchange.close();
                return;
            }
            send(exchange, reply);
        } finally {
            exchange.close();
        }
    }

    private void remember(SandboxRequest request) {
        synchronized (log) {
            if (log.size() == LOG_LIMIT) {
                log.removeFirst();
            }
            log.addLast(request);
        }
    }

    /** The latest requests handled, oldest first (at most {@value #LOG_LIMIT}). */
    List<SandboxRequest> requests() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** The body some Exotel endpoints send with a 429 instead of the v2 envelope (CONTRACT.md). */
    static String restException(long retryAfterSeconds) {
        return "{\"RestException\":{\"Status\":429,\"Message\":\"Rate limit exceeded. Try again in "
                + Math.max(1, retryAfterSeconds) + " seconds.\",\"Code\":\"RATE_LIMIT_EXCEEDED\"}}";
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    /** Returns the reply, or null to drop the connection. */
    private Reply process(HttpExchange exchange, String method, String requestId) throws Refusal, SQLException,
            IOException {
        Route route = route(exchange.getRequestURI().getRawPath());
        SandboxAccount account = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!route.accountSid().equals(account.accountSid())) {
            throw new Refusal(new Problem(403, 1003,
                    "These credentials belong to another account than the one in the URL"));
        }
        String allow = route.listPath() != null ? ListsHandler.allowed(route.listPath())
                : route.contactSid() == null ? "GET, POST, PUT" : "GET, PUT, DELETE";
        if (!List.of(allow.split(", ")).contains(method)) {
            exchange.getResponseHeaders().set("Allow", allow);
            throw new Refusal(new Problem(405, 1002, method + " is not supported on this resource"));
        }
        if (exotelLimits) {
            // Exotel's rate-limiting page: per account, 30 a minute for writes, 300 for GETs.
            boolean read = method.equals("GET");
            Throttle.Decision budget = throttle.decide(account.accountSid() + (read ? " reads" : " writes"),
                    read ? READS_PER_MINUTE : WRITES_PER_MINUTE);
            exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(budget.limit()));
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(budget.remaining()));
            exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(budget.resetSeconds()));
            if (budget.retryAfterSeconds() > 0) {
                throw new Refusal(new Problem(429, null, "Rate limit exceeded: " + budget.limit() + " "
                        + (read ? "reads" : "writes") + " a minute for this account; retry after "
                        + budget.retryAfterSeconds() + " s"), budget.retryAfterSeconds());
            }
        }
        long wait = throttle.admit(account.accountSid(), faults.throttlePerMinute());
        if (wait > 0) {
            throw new Refusal(new Problem(429, null, "Too many requests for this account; retry after " + wait
                    + " s"), wait);
        }
        pause(faults.latency());
        if (faults.drawServerError()) {
            int status = faults.drawServerErrorStatus();
            throw new Refusal(new Problem(status, null, "Injected server fault (sandbox)"), status == 503 ? 1 : 0);
        }
        String body = null;
        Node json = null;
        if (method.equals("POST") || method.equals("PUT")) {
            checkContentType(exchange.getRequestHeaders().getFirst("Content-Type"));
            body = readBody(exchange);
            try {
                json = JsonSource.parse(body);
            } catch (JsonSource.SyntaxError e) {
                throw new Refusal(Problem.malformed("The body is not valid JSON: " + e.getMessage()));
            }
        }
        String accountSid = account.accountSid();
        StringBuilder out = new StringBuilder(256);
        int status;
        try {
            status = dispatch(out, exchange, method, requestId, accountSid, route, json, body);
        } catch (Refusal refusal) {
            if (faults.drawLostResponse()) {
                return null;
            }
            throw refusal;
        }
        // The answer is lost after the work is done (and committed), whatever the answer was.
        if (faults.drawLostResponse()) {
            return null;
        }
        return new Reply(status, out.toString());
    }

    private int dispatch(StringBuilder out, HttpExchange exchange, String method, String requestId, String accountSid,
            Route route, Node json, String body) throws Refusal, SQLException {
        if (route.listPath() != null) {
            return lists.dispatch(out, method, requestId, accountSid, route.listPath(), json,
                    exchange.getRequestURI().getRawQuery());
        }
        if (route.contactSid() == null) {
            return switch (method) {
                case "POST" -> createContacts(out, requestId, accountSid, json, body);
                case "PUT" -> updateContacts(out, requestId, accountSid, json, body);
                default -> listContacts(out, requestId, accountSid, exchange.getRequestURI().getRawQuery());
            };
        }
        return switch (method) {
            case "PUT" -> updateContact(out, requestId, accountSid, route.contactSid(), json, body);
            case "DELETE" -> single(out, requestId, method, store.delete(accountSid, route.contactSid()));
            default -> single(out, requestId, method, store.get(accountSid, route.contactSid()));
        };
    }

    // ---- the six calls -----------------------------------------------------------------------------

    /** One bulk item after validation: its fields (and sid, on update), or why it was refused. */
    private record Parsed(String sid, Map<ContactField, String> fields, Problem problem) {
    }

    /**
     * Validates every item. Number validation (libphonenumber) is the costliest step of a 5000-item
     * batch, and items are independent, so large batches use every core.
     */
    private static Parsed[] parseItems(List<Node> items, String source, boolean create) {
        Parsed[] parsed = new Parsed[items.size()];
        IntStream indexes = IntStream.range(0, items.size());
        if (items.size() >= PARALLEL_THRESHOLD) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> {
            Node item = items.get(i);
            try {
                String sid = create ? null : bulkItemSid(item);
                parsed[i] = new Parsed(sid, fields(item, source, create, null), null);
            } catch (ItemRefusal refusal) {
                parsed[i] = new Parsed(null, null, refusal.problem);
            }
        });
        return parsed;
    }

    private int createContacts(StringBuilder out, String requestId, String account, Node root, String source)
            throws Refusal, SQLException {
        List<Node> items = contactsArray(root);
        Parsed[] parsed = parseItems(items, source, true);
        Problem[] problems = new Problem[items.size()];
        List<Map<ContactField, String>> drafts = new ArrayList<>(items.size());
        List<Integer> draftIndexes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            // Drawn in item order, after validation, so a seed gives the same faults every run.
            if (parsed[i].problem() != null) {
                problems[i] = parsed[i].problem();
            } else if (faults.drawItem429()) {
                problems[i] = ITEM_THROTTLED;
            } else {
                drafts.add(parsed[i].fields());
                draftIndexes.add(i);
            }
        }
        List<StoredContact> created = drafts.isEmpty() ? List.of() : store.createAll(account, drafts);
        StoredContact[] results = new StoredContact[items.size()];
        for (int k = 0; k < created.size(); k++) {
            results[draftIndexes.get(k)] = created.get(k);
        }
        writeBulk(out, requestId, "POST", problems, results);
        return 207;
    }

    private int updateContacts(StringBuilder out, String requestId, String account, Node root, String source)
            throws Refusal, SQLException {
        List<Node> items = contactsArray(root);
        Parsed[] parsed = parseItems(items, source, false);
        Problem[] problems = new Problem[items.size()];
        List<Change> changes = new ArrayList<>(items.size());
        List<Integer> changeIndexes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (parsed[i].problem() != null) {
                problems[i] = parsed[i].problem();
            } else if (faults.drawItem429()) {
                problems[i] = ITEM_THROTTLED;
            } else {
                changes.add(new Change(parsed[i].sid(), parsed[i].fields()));
                changeIndexes.add(i);
            }
        }
        List<Lookup> lookups = changes.isEmpty() ? List.of() : store.updateAll(account, changes);
        StoredContact[] results = new StoredContact[items.size()];
        for (int k = 0; k < lookups.size(); k++) {
            int index = changeIndexes.get(k);
            Lookup lookup = lookups.get(k);
            if (lookup.found() == Found.YES) {
                results[index] = lookup.contact();
            } else {
                problems[index] = lookup.found() == Found.MISSING ? Problem.notFound() : Problem.otherAccount();
            }
        }
        writeBulk(out, requestId, "PUT", problems, results);
        return 207;
    }

    private int updateContact(StringBuilder out, String requestId, String account, String sid, Node root,
            String source) throws Refusal, SQLException {
        if (!root.is(Kind.OBJECT)) {
            throw new Refusal(Problem.malformed("The body must be a JSON object of the fields to change"));
        }
        Map<ContactField, String> patch;
        try {
            patch = fields(root, source, false, sid);
        } catch (ItemRefusal refusal) {
            throw new Refusal(refusal.problem);
        }
        return single(out, requestId, "PUT", store.update(account, sid, patch));
    }

    private int single(StringBuilder out, String requestId, String method, Lookup lookup) throws Refusal {
        if (lookup.found() == Found.MISSING) {
            throw new Refusal(Problem.notFound());
        }
        if (lookup.found() == Found.OTHER_ACCOUNT) {
            throw new Refusal(Problem.otherAccount());
        }
        Wire.openEnvelope(out, requestId, method, 200);
        out.append(",\"response\":");
        Wire.successItem(out, lookup.contact(), null);
        out.append('}');
        return 200;
    }

    private int listContacts(StringBuilder out, String requestId, String account, String rawQuery)
            throws Refusal, SQLException {
        ListQuery query = listQuery(rawQuery);
        ListPage page = store.list(account, query);
        Wire.openEnvelope(out, requestId, "GET", 200);
        Wire.listMetadata(out, page.items().size(), query.offset(), query.limit(), page.total());
        out.append(",\"response\":[");
        for (int i = 0; i < page.items().size(); i++) {
            StoredContact contact = page.items().get(i);
            if (i > 0) {
                out.append(',');
            }
            Wire.successItem(out, contact, query.showLists() ? page.lists().get(contact.seq()) : null);
        }
        out.append("]}");
        return 200;
    }

    private static void writeBulk(StringBuilder out, String requestId, String method, Problem[] problems,
            StoredContact[] results) {
        int failed = 0;
        for (Problem problem : problems) {
            if (problem != null) {
                failed++;
            }
        }
        out.ensureCapacity(results.length * 480);
        Wire.openEnvelope(out, requestId, method, 207);
        Wire.bulkMetadata(out, failed, results.length, results.length - failed);
        out.append(",\"response\":[");
        for (int i = 0; i < results.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (problems[i] != null) {
                Wire.failureItem(out, problems[i]);
            } else {
                Wire.successItem(out, results[i], null);
            }
        }
        out.append("]}");
    }

    // ---- request checks ----------------------------------------------------------------------------

    private static Route route(String rawPath) throws Refusal {
        String path = rawPath == null ? "" : rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/", -1);
        boolean listsShaped = parts.length >= 5 && parts.length <= 8 && parts[0].isEmpty() && parts[1].equals("v2")
                && parts[2].equalsIgnoreCase("accounts") && !parts[3].isEmpty() && parts[4].equalsIgnoreCase("lists")
                && (parts.length < 7 || parts[6].equalsIgnoreCase("contacts"));
        if (listsShaped) {
            List<String> rest = new ArrayList<>();
            for (int i = 5; i < parts.length; i++) {
                rest.add(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
            }
            return new Route(URLDecoder.decode(parts[3], StandardCharsets.UTF_8), null, rest);
        }
        // The vendor's own sample URIs say /v2/Accounts/.../Contacts, so the fixed words ignore case.
        boolean shaped = (parts.length == 5 || parts.length == 6) && parts[0].isEmpty() && parts[1].equals("v2")
                && parts[2].equalsIgnoreCase("accounts") && !parts[3].isEmpty()
                && parts[4].equalsIgnoreCase("contacts");
        if (!shaped) {
            throw new Refusal(new Problem(404, 1000,
                    "No such resource; the contacts API lives at /v2/accounts/{account_sid}/contacts"));
        }
        String accountSid = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        if (parts.length == 5) {
            return new Route(accountSid, null, null);
        }
        return new Route(accountSid, URLDecoder.decode(parts[5], StandardCharsets.UTF_8), null);
    }

    private SandboxAccount authenticate(String header) throws Refusal {
        Refusal refused = new Refusal(new Problem(401, 1010,
                "Authentication failed: send HTTP Basic credentials of an API key and token of this account"));
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refused;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw refused;
        }
        String key = decoded.substring(0, colon);
        byte[] token = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        for (SandboxAccount account : accounts) {
            if (account.apiKey().equals(key)
                    && MessageDigest.isEqual(account.apiToken().getBytes(StandardCharsets.UTF_8), token)) {
                return account;
            }
        }
        throw refused;
    }

    private static void checkContentType(String contentType) throws Refusal {
        Refusal refused = new Refusal(new Problem(415, 1011,
                "Send the body as JSON with 'Content-Type: application/json'"
                        + (contentType == null ? "; no Content-Type was given" : "; got '" + contentType + "'")));
        if (contentType == null) {
            throw refused;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw refused;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=") && !parameter.replace("\"", "").equals("charset=utf-8")) {
                throw new Refusal(new Problem(415, 1011, "Only UTF-8 JSON is accepted; got '" + contentType + "'"));
            }
        }
    }

    private String readBody(HttpExchange exchange) throws Refusal, IOException {
        Refusal tooBig = new Refusal(new Problem(413, null,
                "The body is larger than the sandbox's limit of " + maxBodyBytes + " bytes"));
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    throw tooBig;
                }
            } catch (NumberFormatException e) {
                throw new Refusal(Problem.malformed("The Content-Length header is not a number"));
            }
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            int cap = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 16);
            bytes = in.readNBytes(cap + 1);
        }
        if (bytes.length > maxBodyBytes) {
            throw tooBig;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(Problem.malformed("The body is not valid UTF-8"));
        }
    }

    private static List<Node> contactsArray(Node root) throws Refusal {
        if (!root.is(Kind.OBJECT)) {
            throw new Refusal(Problem.malformed("The body must be an object like {\"contacts\": [...]}"));
        }
        for (String name : root.members().keySet()) {
            if (!name.equals("contacts")) {
                throw new Refusal(Problem.malformed("Unexpected member \"" + name
                        + "\" in the body; it must be {\"contacts\": [...]}"));
            }
        }
        Node contacts = root.members().get("contacts");
        if (contacts == null || !contacts.is(Kind.ARRAY)) {
            throw new Refusal(Problem.malformed("The body must hold an array \"contacts\""));
        }
        List<Node> items = contacts.elements();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new Refusal(Problem.invalid("\"contacts\" must hold 1 to " + MAX_ITEMS + " items; got "
                    + items.size()));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).is(Kind.OBJECT)) {
                throw new Refusal(Problem.malformed("contacts[" + i + "] is not an object"));
            }
        }
        return items;
    }

    private static String bulkItemSid(Node item) throws ItemRefusal {
        Node sid = item.members().get("sid");
        if (sid == null || sid.is(Kind.NULL)) {
            throw new ItemRefusal(Problem.missing("Each item of a bulk update needs its \"sid\""));
        }
        if (!sid.is(Kind.STRING)) {
            throw new ItemRefusal(Problem.invalid("\"sid\" must be a string"));
        }
        return sid.string();
    }

    /**
     * Reads the writable fields of one item. On create, {@code number} is mandatory; on update,
     * {@code sid} is allowed (bulk: the target; single: must equal the path's sid).
     */
    private static Map<ContactField, String> fields(Node item, String source, boolean create, String pathSid)
            throws ItemRefusal {
        Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
        boolean sawCustom = false;
        for (Map.Entry<String, Node> member : item.members().entrySet()) {
            String name = member.getKey();
            Node value = member.getValue();
            switch (name) {
                case "number" -> {
                    if (value.is(Kind.NULL)) {
                        throw new ItemRefusal(create
                                ? Problem.missing("\"number\" is mandatory")
                                : Problem.invalid("\"number\" cannot be removed from a contact"));
                    }
                    if (!value.is(Kind.STRING)) {
                        throw new ItemRefusal(Problem.invalid("\"number\" must be a string"));
                    }
                    String number = value.string();
                    if (number.isBlank()) {
                        throw new ItemRefusal(create
                                ? Problem.missing("\"number\" is mandatory")
                                : Problem.invalid("\"number\" cannot be blank"));
                    }
                    if (!PhoneNumbers.isValid(number)) {
                        throw new ItemRefusal(Problem.invalid("Invalid number \"" + number
                                + "\": expected E.164 such as +919101234510, or a landline with its STD prefix"
                                + " such as 08012345678"));
                    }
                    fields.put(ContactField.NUMBER, number);
                }
                case "first_name" -> fields.put(ContactField.FIRST_NAME, text(name, value));
                case "last_name" -> fields.put(ContactField.LAST_NAME, text(name, value));
                case "company_name" -> fields.put(ContactField.COMPANY_NAME, text(name, value));
                case "email" -> fields.put(ContactField.EMAIL, text(name, value));
                case "tag" -> fields.put(ContactField.TAG, text(name, value));
                case "custom_field", "custom" -> {
                    if (sawCustom) {
                        throw new ItemRefusal(Problem.invalid(
                                "Send either \"custom_field\" or its alias \"custom\", not both"));
                    }
                    sawCustom = true;
                    fields.put(ContactField.CUSTOM_FIELD, value.is(Kind.NULL) ? null : value.raw(source));
                }
                case "sid" -> {
                    if (create) {
                        throw new ItemRefusal(Problem.invalid("Unknown field \"sid\": the sandbox assigns sids"));
                    }
                    if (pathSid != null && !(value.is(Kind.STRING) && value.string().equals(pathSid))) {
                        throw new ItemRefusal(Problem.invalid("\"sid\" in the body differs from the sid in the URL"));
                    }
                }
                default -> throw new ItemRefusal(Problem.invalid("Unknown field \"" + name + "\""));
            }
        }
        if (create && !fields.containsKey(ContactField.NUMBER)) {
            throw new ItemRefusal(Problem.missing("\"number\" is mandatory"));
        }
        return fields;
    }

    static String text(String name, Node value) throws ItemRefusal {
        if (value.is(Kind.NULL)) {
            return null;
        }
        if (!value.is(Kind.STRING)) {
            throw new ItemRefusal(Problem.invalid("\"" + name + "\" must be a string or null"));
        }
        if (value.string().length() > ContactStore.MAX_TEXT) {
            throw new ItemRefusal(Problem.invalid("\"" + name + "\" is longer than " + ContactStore.MAX_TEXT
                    + " characters"));
        }
        return value.string();
    }

    static ListQuery listQuery(String rawQuery) throws Refusal {
        int offset = 0;
        int limit = ListQuery.MAX_LIMIT;
        String name = null;
        SortBy sortBy = SortBy.DEFAULT;
        List<String> listSids = new ArrayList<>();
        boolean showLists = false;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "offset" -> offset = integer("offset", value, 0, Integer.MAX_VALUE);
                    case "limit" -> limit = integer("limit", value, 1, ListQuery.MAX_LIMIT);
                    case "name" -> name = value;
                    case "sort_by" -> {
                        try {
                            sortBy = SortBy.parse(value);
                        } catch (IllegalArgumentException e) {
                            throw new Refusal(Problem.invalid(e.getMessage()));
                        }
                    }
                    case "list_sids" -> {
                        for (String sid : value.split(",")) {
                            if (!sid.isBlank()) {
                                listSids.add(sid.trim());
                            }
                        }
                    }
                    case "filter" -> {
                        if (!value.equals("show_list")) {
                            throw new Refusal(Problem.invalid("filter must be show_list; got '" + value + "'"));
                        }
                        showLists = true;
                    }
                    default -> {
                        // Unknown query parameters are ignored, as web APIs commonly do.
                    }
                }
            }
        }
        return new ListQuery(offset, limit, name, sortBy, listSids, showLists);
    }

    private static String decode(String text) throws Refusal {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Problem.invalid("The query string is not properly encoded"));
        }
    }

    private static int integer(String name, String value, int min, int max) throws Refusal {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new Refusal(Problem.invalid(name + " must be from " + min + " to " + max + "; got " + number));
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Refusal(Problem.invalid(name + " must be a whole number; got '" + value + "'"));
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
