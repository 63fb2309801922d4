package org.dialbook.sandbox;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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
    private final ExecutorService workers;
    /** The database and the handler over it, once opened (at once for {@link #start}). */
    private final CompletableFuture<Opened> opened;
    private final SandboxOptions options;
    private final SandboxFaults faults;
    private final URI baseUrl;
    /** Completes when {@link #close} starts, so an opener still waiting for its signal gives up. */
    private final CompletableFuture<Void> closing = new CompletableFuture<>();
    private boolean closed;
    /** Whether the database has begun to open; after that, closing waits for it. */
    private boolean opening;

    private record Opened(ContactStore store, ContactsHandler handler) {
    }

    private SandboxServer(HttpServer http, ConnectionFront front, ExecutorService workers,
            CompletableFuture<Opened> opened, SandboxOptions options, SandboxFaults faults) {
        this.http = http;
        this.front = front;
        this.workers = workers;
        this.opened = opened;
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
        SandboxServer server = listen(options);
        synchronized (server) {
            server.opening = true;
        }
        server.open();
        try {
            server.opened.join();
        } catch (CompletionException e) {
            server.close();
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        return server;
    }

    /**
     * Listens at once, and opens the database (seeding the demo contacts) on a thread of its own
     * once {@code when} completes; requests that arrive before then wait for it. The desktop starts
     * its sandbox this way and lets it open after the window's first page is on screen: on a
     * two-core machine, loading 100,000 contacts otherwise takes the CPU that page needs (issue 14).
     * When the database cannot be opened, every request is answered 503 with the reason, which the
     * window shows. Closing before {@code when} completes opens nothing.
     *
     * @throws UncheckedIOException when the port is taken
     */
    public static SandboxServer startOpening(SandboxOptions options, CompletionStage<?> when) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(when, "when");
        SandboxServer server = listen(options);
        Thread opener = new Thread(() -> {
            // A failed trigger still opens: the database is wanted either way.
            CompletableFuture.anyOf(when.toCompletableFuture(), server.closing).handle((done, error) -> null).join();
            synchronized (server) {
                if (server.closed) {
                    return;
                }
                server.opening = true;
            }
            server.open();
        }, "sandbox-open");
        opener.setDaemon(true);
        opener.start();
        return server;
    }

    private static SandboxServer listen(SandboxOptions options) {
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        ExecutorService workers = null;
        ConnectionFront front = null;
        try {
            boolean fronted = options.idleTimeout().isPresent() || options.http10();
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), fronted ? 0 : options.port()), 128);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new WorkerThreads());
            pool.allowCoreThreadTimeOut(true);
            workers = pool;
            http.setExecutor(workers);
            http.createContext("/", exchange -> serve(opened, exchange));
            http.start();
            if (fronted) {
                front = ConnectionFront.start(options.port(), http.getAddress(), options.idleTimeout().orElse(null),
                        options.http10());
            }
            return new SandboxServer(http, front, workers, opened, options, new SandboxFaults(options.seed()));
        } catch (IOException | RuntimeException e) {
            if (workers != null) {
                workers.shutdownNow();
            }
            if (front != null) {
                front.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + options.port() + ": " + io.getMessage(),
                        io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Opens the store and seeds it; completes {@link #opened} either way. */
    private void open() {
        ContactStore store = null;
        try {
            store = openStore(options);
            seedDemoContacts(store, options);
            ContactsHandler handler = new ContactsHandler(store, options.accounts(), faults,
                    new Throttle(options.clock()), options.maxBodyBytes(), options.maxListSize(), options.exotelLimits(),
                    options.restException429());
            opened.complete(new Opened(store, handler));
            LOG.debug("Sandbox serving {} at {}", options.accounts().get(0).accountSid(), baseUrl);
        } catch (SQLException | RuntimeException e) {
            if (store != null) {
                closeQuietly(store);
            }
            RuntimeException failure = e instanceof SQLException sql
                    ? new UncheckedIOException(new IOException("Cannot seed the sandbox database: " + sql.getMessage(), sql))
                    : (RuntimeException) e;
            LOG.warn("The sandbox could not open its database: {}", failure.getMessage());
            opened.completeExceptionally(failure);
        }
    }

    /** Every request: waits for the database, then hands over to the contract's handler. */
    private static void serve(CompletableFuture<Opened> opened, HttpExchange exchange) throws IOException {
        Opened ready;
        try {
            ready = opened.get();
        } catch (ExecutionException e) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            try {
                ContactsHandler.send(exchange, new ContactsHandler.Reply(503, Wire.errorEnvelope(Ids.newSid(), method,
                        new Wire.Problem(503, null, "The sandbox could not open its database: "
                                + e.getCause().getMessage()))));
            } finally {
                exchange.close();
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        ready.handler().handle(exchange);
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
        return ready().handler().requests();
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
        return ready().store().count(accountSid);
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
            return ready().store().createList(accountSid, name, contactSids);
        } catch (SQLException e) {
            throw new IllegalStateException("The sandbox could not store the list: " + e.getMessage(), e);
        }
    }

    /** Stops serving and closes the database; in-flight requests get up to a second to finish. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (!opening) {
                opened.completeExceptionally(new IllegalStateException("it was closed before its database opened"));
            }
        }
        closing.complete(null);
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
        try {
            // A database still opening is waited for: it must be closed before the JVM exits.
            closeQuietly(opened.join().store());
        } catch (CompletionException e) {
            // It never opened; nothing to close.
        }
        LOG.debug("Sandbox at {} stopped", baseUrl);
    }

    /** The opened database, waiting for it if it is still opening. */
    private Opened ready() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The sandbox could not open its database: " + e.getCause().getMessage(),
                    e.getCause());
        }
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
