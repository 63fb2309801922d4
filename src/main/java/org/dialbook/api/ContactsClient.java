package org.dialbook.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Exotel Contacts API v2 over HTTP (OkHttp + Gson), following docs/CONTRACT.md. Thread-safe;
 * make one per connection and close it when done.
 *
 * <pre>{@code
 * try (ContactsClient client = ContactsClient.builder(settings).build()) {
 *     Page<Contact> page = client.listContacts(ListQuery.firstPage());
 * }
 * }</pre>
 *
 * <p>Retry rules: 429, 5xx and connection failures before the request was written are retried per
 * the {@link RetryPolicy}. GET, PUT and DELETE are also retried when the answer was lost after the
 * request was written, because repeating them leaves the same state (a replayed DELETE that finds
 * nothing says so in its {@link NotFoundException}). A create is never replayed after it was
 * written: there is no idempotency key, so those items become {@link ItemOutcome.Status#UNKNOWN}.
 */
public final class ContactsClient implements ContactsApi, AutoCloseable {
    /** The API's limit on items per bulk request. */
    public static final int MAX_BATCH_SIZE = 5000;
    /** How long a long job (import, export, bulk edit, delete, sync) waits out an outage by default. */
    public static final Duration JOB_OUTAGE_PATIENCE = Duration.ofMinutes(30);
    /** Exotel's published per-account budget for the campaign APIs' writes (CONTRACT.md). */
    public static final int EXOTEL_WRITES_PER_MINUTE = 30;
    /** Exotel's published per-account budget for GETs. */
    public static final int EXOTEL_READS_PER_MINUTE = 300;
    /** Budgets count over 61 s rather than 60, so differences in clocks and arrival never cost a 429. */
    static final Duration BUDGET_MARGIN = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ContactsClient.class);
    /** Shorter than common server keep-alive timeouts (load balancers 60-75 s, nginx 75 s). */
    static final Duration POOL_IDLE = Duration.ofSeconds(20);
    static final Duration EVICT_AFTER_WAIT = Duration.ofSeconds(3);

    private final ConnectionSettings settings;
    private final HttpUrl contactsUrl;
    private final OkHttpClient http;
    private final CallRunner calls;
    private final BulkSender bulk;
    private final Retries retries;
    private final ListsClient lists;
    private final int readsPerMinute;
    private final boolean paced;
    private final Clock clock;
    private final Sleeper sleeper;

    private ContactsClient(Builder builder) {
        this.settings = builder.settings;
        this.contactsUrl = HttpUrl.get(settings.contactsUrl());
        HttpExecutor.SendTracker tracker = new HttpExecutor.SendTracker();
        OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder()
                // Idle connections are dropped well before load balancers' 60-75 s, so few pooled
                // connections are already closed at the far end when we reuse them.
                .connectionPool(new ConnectionPool(5, POOL_IDLE.toSeconds(), TimeUnit.SECONDS))
                .connectTimeout(builder.connectTimeout)
                .writeTimeout(builder.readTimeout)
                .readTimeout(builder.readTimeout)
                // The client decides what is safe to replay; OkHttp's own silent retry could
                // repeat a POST after it was written.
                .retryOnConnectionFailure(false)
                // A redirect would be a misconfigured base URL; report it rather than follow it.
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(tracker)
                .addInterceptor(new BasicAuthInterceptor(contactsUrl, settings.apiKey(), settings.apiToken()));
        if (!contactsUrl.isHttps()) {
            // A plain-http base URL (the local sandbox) never makes a TLS connection. Without a TLS
            // connection spec OkHttp does not load the trust store: about 0.35 s of CPU at every
            // start of the app on the sandbox and of every CLI command there (issue 14).
            httpBuilder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        this.http = httpBuilder.build();
        Sleeper sleeper = evictingAfterLongWaits(builder.sleeper, http);
        this.retries = new Retries(builder.retryPolicy, sleeper, builder.clock, builder.outagePatience);
        boolean exotel = isExotelHost(settings.host());
        // The builder's (a test's) choice first, then the profile's or command line's, then the host's.
        int writes = budget(builder.writesPerMinute, settings.writesPerMinute(), exotel ? EXOTEL_WRITES_PER_MINUTE : 0);
        int reads = budget(builder.readsPerMinute, settings.readsPerMinute(), exotel ? EXOTEL_READS_PER_MINUTE : 0);
        Consumer<Duration> rateWait = wait -> retries.tell(
                new WaitStatus(WaitStatus.Kind.RATE_LIMIT, builder.clock.instant(), wait, null));
        HttpExecutor executor = new HttpExecutor(http,
                new RateLimiter(builder.maxRequestsPerMinute, builder.clock, sleeper).onWait(rateWait, retries),
                new RateLimiter(writes, BUDGET_MARGIN, builder.clock, sleeper).onWait(rateWait, retries),
                new RateLimiter(reads, BUDGET_MARGIN, builder.clock, sleeper).onWait(rateWait, retries), builder.clock,
                tracker);
        LOG.debug("Budgets for {}: {} writes and {} reads a minute (0: none)", settings.host(), writes, reads);
        this.readsPerMinute = reads;
        this.paced = writes > 0 || builder.maxRequestsPerMinute > 0;
        this.clock = builder.clock;
        this.sleeper = sleeper;
        this.calls = new CallRunner(executor, retries);
        this.bulk = new BulkSender(executor, retries, builder.maxBatchSize);
        this.lists = new ListsClient(settings, executor, retries, builder.maxBatchSize);
    }

    /**
     * After a wait this long (backoff, Retry-After, the rate cap) the pooled connections are dropped:
     * the server or a load balancer in between may have closed them meanwhile.
     */
    static Sleeper evictingAfterLongWaits(Sleeper sleeper, OkHttpClient http) {
        return duration -> {
            sleeper.sleep(duration);
            if (duration.compareTo(EVICT_AFTER_WAIT) > 0) {
                http.connectionPool().evictAll();
            }
        };
    }

    private static int budget(Integer chosen, Integer configured, int hostDefault) {
        return chosen != null ? chosen : configured != null ? configured : hostDefault;
    }

    /** Exotel's API hosts (any region), where its published budgets apply by default. */
    static boolean isExotelHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("exotel.com") || h.endsWith(".exotel.com");
    }

    public static Builder builder(ConnectionSettings settings) {
        return new Builder(settings);
    }

    /**
     * The account's read budget this client keeps to (GETs a minute; 0 for none): what a background
     * reader such as the mirror's sync takes its share of, so the user's own reads still fit.
     */
    public int readsPerMinute() {
        return readsPerMinute;
    }

    /** The clock the budgets count by, so a reader pacing itself within them counts the same way. */
    public Clock clock() {
        return clock;
    }

    /** How the client waits (backoff, budgets), for a reader pacing itself within its budget. */
    public Sleeper sleeper() {
        return sleeper;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The Lists calls on this client's connection, rate cap and retry rules. */
    public ListsClient lists() {
        return lists;
    }

    /**
     * Two, unless writes are paced to a budget (Exotel's 30 a minute, or a request cap): there the
     * second request would only wait for the budget, so it gains nothing and one at a time stays.
     */
    @Override
    public int bulkWritesInFlight() {
        return paced ? 1 : 2;
    }

    @Override
    public BulkResult<Contact> createContacts(List<NewContact> contacts) {
        return bulk.send("POST", contactsUrl, createItems(contacts), false);
    }

    /**
     * As {@link #createContacts}, for a caller that keeps only each created contact's sid (an import):
     * each contact in the result holds only {@code sid} and {@code number}, read from the answers while
     * the rest of each item is skipped.
     */
    public BulkResult<Contact> createContactsForSids(List<NewContact> contacts) {
        return bulk.send("POST", contactsUrl, createItems(contacts), false, Envelope.DataMode.SID_AND_NUMBER);
    }

    private static List<BulkSender.Item> createItems(List<NewContact> contacts) {
        List<BulkSender.Item> items = new ArrayList<>(contacts.size());
        for (NewContact contact : contacts) {
            items.add(new BulkSender.Item(out -> ContactJson.write(out, contact), contact.number()));
        }
        return items;
    }

    @Override
    public Contact updateContact(String sid, ContactPatch patch) {
        Objects.requireNonNull(patch, "patch");
        Envelope envelope = calls.call("PUT", contactUrl(sid), ContactJson.toJson(patch).toString(), true);
        return singleContact(envelope, "PUT");
    }

    @Override
    public BulkResult<Contact> updateContacts(List<ContactUpdate> updates) {
        List<BulkSender.Item> items = new ArrayList<>(updates.size());
        for (ContactUpdate update : updates) {
            requireSid(update.sid());
            JsonObject json = ContactJson.toJson(update);
            String number = json.has("number") && json.get("number").isJsonPrimitive()
                    ? json.get("number").getAsString() : null;
            items.add(new BulkSender.Item(out -> ContactJson.write(out, json), number));
        }
        return bulk.send("PUT", contactsUrl, items, true);
    }

    @Override
    public Contact getContact(String sid) {
        return singleContact(calls.call("GET", contactUrl(sid), null, true), "GET");
    }

    @Override
    public Page<Contact> listContacts(ListQuery query) {
        Page<JsonObject> page = listContactsJson(query);
        List<Contact> contacts = new ArrayList<>(page.items().size());
        for (JsonObject data : page.items()) {
            contacts.add(readContact(data, null, "GET"));
        }
        return new Page<>(contacts, page.offset(), page.limit(), page.total());
    }

    /**
     * The list call with each contact exactly as the API returned it in {@code data}, for output that
     * must not lose or reformat anything (the CLI's {@code --format json}).
     */
    public Page<JsonObject> listContactsJson(ListQuery query) {
        Envelope envelope = calls.call("GET", listUrl(query), null, true);
        List<JsonObject> contacts = new ArrayList<>(envelope.items().size());
        for (Envelope.Item item : envelope.items()) {
            if (!item.success() || item.data() == null) {
                throw new TransportException("The list answer holds a failed item (" + item.code() + ")"
                        + BulkSender.requestIdSuffix(envelope), false, null);
            }
            contacts.add(item.data());
        }
        return new Page<>(contacts, envelope.metadataInt("offset", query.offset()),
                envelope.metadataInt("limit", query.limit()),
                envelope.metadataInt("total", query.offset() + contacts.size()));
    }

    private HttpUrl listUrl(ListQuery query) {
        HttpUrl.Builder url = contactsUrl.newBuilder()
                .addQueryParameter("offset", Integer.toString(query.offset()))
                .addQueryParameter("limit", Integer.toString(query.limit()));
        if (query.name() != null) {
            url.addQueryParameter("name", query.name());
        }
        // ':' and ',' go unescaped, as in the vendor's examples; both values are checked to
        // hold nothing that would need escaping.
        if (!query.sortBy().equals(SortBy.DEFAULT)) {
            url.addEncodedQueryParameter("sort_by", query.sortBy().wireValue());
        }
        if (!query.listSids().isEmpty()) {
            for (String listSid : query.listSids()) {
                if (!listSid.matches("[A-Za-z0-9_\\-]+")) {
                    throw new IllegalArgumentException("A list sid may contain only letters, digits, '_' and '-'; got '"
                            + listSid + "'");
                }
            }
            url.addEncodedQueryParameter("list_sids", String.join(",", query.listSids()));
        }
        if (query.showLists()) {
            url.addQueryParameter("filter", "show_list");
        }
        return url.build();
    }

    @Override
    public Contact deleteContact(String sid) {
        return singleContact(calls.call("DELETE", contactUrl(sid), null, true), "DELETE");
    }

    @Override
    public Stream<Contact> streamContacts(ListQuery query) {
        return PageWalker.stream(query, this::listContacts);
    }

    /** {@link #streamContacts} with each contact exactly as the API returned it. */
    public Stream<JsonObject> streamContactsJson(ListQuery query) {
        return PageWalker.stream(query, this::listContactsJson);
    }

    @Override
    public WaitListener.Subscription onWait(WaitListener listener) {
        return retries.listen(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "ContactsClient[" + settings.baseUrl() + ", account " + settings.accountSid() + "]";
    }

    private HttpUrl contactUrl(String sid) {
        requireSid(sid);
        return contactsUrl.newBuilder().addPathSegment(sid).build();
    }

    private static void requireSid(String sid) {
        if (sid == null || sid.isBlank()) {
            throw new IllegalArgumentException("A contact sid is required");
        }
    }

    private Contact singleContact(Envelope envelope, String method) {
        if (envelope.items().isEmpty() || envelope.items().get(0).data() == null) {
            throw new TransportException("The answer to " + method + " holds no contact"
                    + BulkSender.requestIdSuffix(envelope), !"GET".equals(method), null);
        }
        return readContact(envelope.items().get(0).data(), envelope, method);
    }

    private static Contact readContact(JsonObject data, Envelope envelope, String method) {
        try {
            return ContactJson.fromJson(data);
        } catch (JsonParseException e) {
            LOG.debug("Unreadable contact in answer to {}", method, e);
            throw new TransportException("The answer to " + method + " holds a contact that cannot be read: "
                    + e.getMessage() + (envelope == null ? "" : BulkSender.requestIdSuffix(envelope)),
                    !"GET".equals(method), null);
        }
    }

    /** Configures a {@link ContactsClient}; every setting has a production default. */
    public static final class Builder {
        private final ConnectionSettings settings;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private int maxRequestsPerMinute;
        private int maxBatchSize = MAX_BATCH_SIZE;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration outagePatience = Duration.ZERO;
        private Integer writesPerMinute;
        private Integer readsPerMinute;

        private Builder(ConnectionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** What waits between retries and under the rate cap; tests pass one that returns at once. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** The clock of the rate cap; tests pass one that the sleeper advances. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Client-side cap on requests a minute; 0 (the default) means no cap. */
        public Builder maxRequestsPerMinute(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRequestsPerMinute must be >= 0, got " + value);
            }
            this.maxRequestsPerMinute = value;
            return this;
        }

        /** Items per bulk request, 1 to {@value #MAX_BATCH_SIZE}; lower it to test chunking cheaply. */
        public Builder maxBatchSize(int value) {
            if (value < 1 || value > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("maxBatchSize must be between 1 and " + MAX_BATCH_SIZE + ", got "
                        + value);
            }
            this.maxBatchSize = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** How long to wait for the server's answer (and to write a request) before giving up. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value, "readTimeout");
            return this;
        }

        /**
         * How long to wait out an outage (the server unreachable, or 5xx again and again) after the
         * normal retries, before a call fails. Zero (the default) fails after the normal retries, which
         * suits single calls; long jobs pass {@link #JOB_OUTAGE_PATIENCE}.
         */
        public Builder outagePatience(Duration value) {
            Objects.requireNonNull(value, "outagePatience");
            if (value.isNegative()) {
                throw new IllegalArgumentException("outagePatience must not be negative, got " + value);
            }
            this.outagePatience = value;
            return this;
        }

        /**
         * The account's write budget (POST, PUT, DELETE) a minute; 0 turns it off. The default is
         * {@value ContactsClient#EXOTEL_WRITES_PER_MINUTE} for Exotel's hosts and off elsewhere (the sandbox).
         */
        public Builder writesPerMinute(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("writesPerMinute must be >= 0, got " + value);
            }
            this.writesPerMinute = value;
            return this;
        }

        /** The account's read budget (GET) a minute; 0 turns it off. Default: 300 for Exotel's hosts, else off. */
        public Builder readsPerMinute(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("readsPerMinute must be >= 0, got " + value);
            }
            this.readsPerMinute = value;
            return this;
        }

        public ContactsClient build() {
            return new ContactsClient(this);
        }
    }
}
