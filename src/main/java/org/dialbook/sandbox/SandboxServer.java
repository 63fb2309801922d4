package org.dialbook.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.contact.ContactField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local server that speaks the Exotel Contacts API v2 (see docs/CONTRACT.md) on a loopback port, keeps
 * its contacts in an embedded database, and misbehaves on request through {@link #faults()}.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().inMemory().build())) {
 *     ConnectionSettings settings = sandbox.connectionSettings();
 *     ...
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String DEMO_MARKER = "demo_seeded:";
    /**
     * Workers are made on demand up to this many and end after idling: enough that 200 slow clients
     * (each holding a worker until {@link #REQUEST_READ_TIMEOUT}) do not starve a normal request.
     */
    private static final int WORKERS = 256;
    static final Duration REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);

    static {
        // The JDK server leaves Nagle's algorithm on by default; with keep-alive and small answers that
        // adds up to 40 ms per request (delayed ACKs). Must be set before the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The JDK server reads a request's headers and body on a worker thread, with no time limit of
        // its own: a client that sends half a request would hold that worker for ever. This closes
        // connections whose request takes longer than this many seconds to arrive.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_READ_TIMEOUT.toSeconds()));
        }
    }

    private final HttpServer http;
    private final ConnectionFront front;
    private final ContactsHandler handler;
    private final ExecutorService workers;
    private final ContactStore store;
    private final SandboxOptions options;
    private final SandboxFaults faults;
    private final URI baseUrl;
    private boolean closed;

    private SandboxServer(HttpServer http, ConnectionFront front, ExecutorService workers, ContactStore store,
            SandboxOptions options, SandboxFaults faults, ContactsHandler handler) {
        this.handler = handler;
        this.http = http;
        this.front = front;
        this.workers = workers;
        this.store = store;
        this.options = options;
        this.faults = faults;
        this.baseUrl = URI.create("http://127.0.0.1:" + (front != null ? front.port() : http.getAddress().getPort()));
    }

    /**
     * Opens the store, seeds demo contacts when asked (once per data directory), and starts serving.
     *
     * @throws UncheckedIOException when the port is taken or the database cannot be opened (for
     *     example because another sandbox uses the same data directory)
     */
    public static SandboxServer start(SandboxOptions options) {
        Objects.requireNonNull(options, "options");
        ContactStore store = openStore(options);
        ExecutorService workers = null;
        ConnectionFront front = null;
        try {
            SandboxFaults faults = new SandboxFaults(options.seed());
            seedDemoContacts(store, options);
            boolean fronted = options.idleTimeout().isPresent() || options.http10();
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), fronted ? 0 : options.port()), 128);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new WorkerThreads());
            pool.allowCoreThreadTimeOut(true);
            workers = pool;
            http.setExecutor(workers);
            ContactsHandler handler = new ContactsHandler(store, options.accounts(), faults,
                    new Throttle(options.clock()), options.maxBodyBytes(), options.maxListSize(), options.exotelLimits(),
                    options.restException429());
            http.createContext("/", handler);
            http.start();
            if (fronted) {
                front = ConnectionFront.start(options.port(), http.getAddress(), options.idleTimeout().orElse(null),
                        options.http10());
            }
            SandboxServer server = new SandboxServer(http, front, workers, store, options, faults, handler);
            LOG.debug("Sandbox serving {} at {}", options.accounts().get(0).accountSid(), server.baseUrl);
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            if (workers != null) {
                workers.shutdownNow();
            }
            if (front != null) {
                front.close();
            }
            closeQuietly(store);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port() + ": " + io.getMessage(),
                        io);
            }
            if (e instanceof SQLException sql) {
                throw new UncheckedIOException(new IOException("Cannot seed the sandbox database: "
                        + sql.getMessage(), sql));
            }
            throw (RuntimeException) e;
        }
    }

    private static ContactStore openStore(SandboxOptions options) {
        Optional<Path> dir = options.dataDir();
        try {
            if (dir.isEmpty()) {
                return ContactStore.inMemory(options.clock());
            }
            Files.createDirectories(dir.get());
            return ContactStore.open(dir.get(), options.clock());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox data folder " + dir.orElseThrow(), e);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Cannot open the sandbox database in "
                    + dir.map(Path::toString).orElse("memory") + " (is another sandbox using it?): " + e.getMessage(),
                    e));
        }
    }

    private static void seedDemoContacts(ContactStore store, SandboxOptions options) throws SQLException {
        if (options.demoContacts() <= 0) {
            return;
        }
        String account = options.accounts().get(0).accountSid();
        if (store.meta(DEMO_MARKER + account).isPresent()) {
            return;
        }
        List<Map<ContactField, String>> drafts = DemoContacts.generate(options.demoContacts(), options.seed());
        List<String> vips = new ArrayList<>();
        List<String> singapore = new ArrayList<>();
        for (int from = 0; from < drafts.size(); from += ContactsHandler.MAX_ITEMS) {
            List<StoredContact> created = store.createAll(account,
                    drafts.subList(from, Math.min(drafts.size(), from + ContactsHandler.MAX_ITEMS)));
            for (StoredContact contact : created) {
                if ("VIP".equals(contact.tag())) {
                    vips.add(contact.sid());
                }
                if (contact.number().startsWith("+65")) {
                    singapore.add(contact.sid());
                }
            }
        }
        store.createList(account, "VIP callers", vips);
        store.createList(account, "Singapore campaign", singapore);
        store.setMeta(DEMO_MARKER + account, Integer.toString(drafts.size()));
        LOG.info("Seeded {} demo contacts into {}", drafts.size(), account);
    }

    /** Where to send requests: {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** The first account served; {@link SandboxAccount#DEFAULT} unless the options named others. */
    public SandboxAccount defaultAccount() {
        return options.accounts().get(0);
    }

    public List<SandboxAccount> accounts() {
        return options.accounts();
    }

    /** Settings for the client to reach this sandbox as the default account. */
    public ConnectionSettings connectionSettings() {
        return connectionSettings(defaultAccount());
    }

    public ConnectionSettings connectionSettings(SandboxAccount account) {
        return ConnectionSettings.forBaseUrl(baseUrl.toString(), account.accountSid(), account.apiKey(),
                account.apiToken());
    }

    /** What it was started with. */
    public SandboxOptions options() {
        return options;
    }

    /** The live fault switches; changes apply to the next request. */
    public SandboxFaults faults() {
        return faults;
    }

    /**
     * Waits until no client connection is open, for tests of idle-timeout and HTTP/1.0 sandboxes;
     * true at once when neither is on.
     */
    public boolean awaitNoOpenConnections(Duration timeout) throws InterruptedException {
        return front == null || front.awaitNoOpenConnections(timeout);
    }

    /** The latest requests handled (up to 100,000), oldest first: when, which method, what status. */
    public List<SandboxRequest> requests() {
        return handler.requests();
    }

    /** How many connections the sandbox closed for sitting idle longer than its idle timeout. */
    public int idleConnectionsClosed() {
        return front == null ? 0 : front.idleClosed();
    }

    /** Where the database lives, or empty when in memory. */
    public Optional<Path> dataDir() {
        return options.dataDir();
    }

    /** How many contacts {@code accountSid} holds. */
    public int contactCount(String accountSid) {
        return store.count(accountSid);
    }

    /**
     * Makes a campaign list in {@code accountSid} holding the given contacts, for {@code list_sids}
     * and {@code filter=show_list}. The Lists API itself is outside the contract, so this is the only
     * way to make one.
     *
     * @throws IllegalArgumentException when a contact sid is not in the account
     */
    public ContactList createList(String accountSid, String name, List<String> contactSids) {
        try {
            return store.createList(accountSid, name, contactSids);
        } catch (SQLException e) {
            throw new IllegalStateException("The sandbox could not store the list: " + e.getMessage(), e);
        }
    }

    /** Stops serving and closes the database; in-flight requests get up to a second to finish. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (front != null) {
            front.close();
        }
        http.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeQuietly(store);
        LOG.debug("Sandbox at {} stopped", baseUrl);
    }

    private static void closeQuietly(ContactStore store) {
        try {
            store.close();
        } catch (SQLException e) {
            LOG.warn("Closing the sandbox database failed: {}", e.getMessage());
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger POOL = new AtomicInteger();
        private final int pool = POOL.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sandbox-" + pool + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
