package org.dialbook.app;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.importer.ImportDestination;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorException;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.StartupTrace;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.shell.SmokeProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: builds the FX-free services (profiles, keychain, sandbox,
 * client) and hands them to the window. With no Exotel profile chosen, the window shows the
 * in-process sandbox, started on first use and seeded with demo contacts the first time.
 */
public final class DesktopServices implements ConnectionSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopServices.class);
    static final int DEMO_CONTACTS = 300;
    private static final Duration SANDBOX_PATIENCE = Duration.ofSeconds(4);

    private final AppDirs dirs;
    private final ProfileService profiles;
    /**
     * Lets the sandbox load its database: once the window has painted its first page from the
     * mirror, when there is no mirror to paint from, or after {@link #SANDBOX_PATIENCE} at most.
     */
    private final CompletableFuture<Void> sandboxMayOpen = new CompletableFuture<>();
    private SandboxServer sandbox;
    /**
     * The first connection, opened ahead of the window by {@link #warmUp()}; taken by the first open()
     * or openedAlready(). Guarded by its own lock, not this object's: that one is held while the
     * sandbox starts, and openedAlready() runs on the FX thread, which must not wait for it.
     */
    private final Object aheadLock = new Object();
    private CompletableFuture<ActiveConnection> ahead;
    private boolean closed;

    DesktopServices(AppDirs dirs) {
        this.dirs = dirs;
        this.profiles = new ProfileService(new ProfileStore(dirs.config()), FallbackSecretStore.withSystemKeychain(),
                this::sandboxSettings);
    }

    /** Starts file logging and opens the window; returns when the window is closed. */
    static int launch(AppDirs dirs, Path file) {
        Path logFile = Logs.startFileLogging(dirs.logs());
        LOG.info("Dialbook desktop starting; log file {}", logFile);
        StartupTrace.mark("logging ready");
        SingleInstance one = null;
        try {
            Optional<SingleInstance> claimed = SingleInstance.claim(dirs.data(), file == null ? List.of() : List.of(file));
            if (claimed.isEmpty()) {
                LOG.info("Dialbook already runs for {}; handed over to its window", dirs.data());
                System.out.println("Dialbook is already open for " + dirs.data() + "; "
                        + (file == null ? "its window was brought to the front." : "it opens " + file + "."));
                return 0;
            }
            one = claimed.get();
        } catch (IOException | RuntimeException e) {
            // Better two windows than none: the sandbox then says in words that its folder is in use.
            LOG.warn("Could not check for a running Dialbook in {}: {}", dirs.data(), e.getMessage());
        }
        try (SingleInstance held = one; DesktopServices services = new DesktopServices(dirs)) {
            services.warmUp();
            DesktopContext context = services.context(file);
            DesktopLauncher.launch(held == null ? context : context.withActivations(held));
        }
        return 0;
    }

    /**
     * {@code --smoke}: the same start-up as {@link #launch}, closed as soon as the first page of
     * contacts is on screen. Prints one line, which CI and packaging/startup-bench.sh read.
     *
     * @return 0 when the page appeared, 1 otherwise
     */
    static int smokeTest(AppDirs dirs, Duration timeout, PrintStream out, PrintStream err) {
        Path logFile = Logs.startFileLogging(dirs.logs());
        LOG.info("Dialbook smoke test starting; log file {}", logFile);
        StartupTrace.mark("logging ready");
        SmokeProbe.Outcome outcome;
        try (DesktopServices services = new DesktopServices(dirs)) {
            services.warmUp();
            outcome = DesktopLauncher.launchSmokeTest(services.context(null), timeout);
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (outcome.ok()) {
            out.println("SMOKE OK first-page-ms=" + (outcome.epochMillis() - jvmStart) + " epoch-ms="
                    + outcome.epochMillis());
            return 0;
        }
        err.println("SMOKE FAILED: " + outcome.detail() + " (log: " + logFile + ")");
        return 1;
    }

    DesktopContext context(Path file) {
        return DesktopContext.of(this, dirs.config(), dirs.logs()).withProfiles(profiles).withInitialFile(file)
                .withDataDir(dirs.data())
                .withImportsDir(dirs.imports());
    }

    /**
     * Opens the window's connection in the background while JavaFX starts, so the first page (from
     * the mirror) is ready to paint as soon as the window is: the client, the mirror and, for the
     * sandbox, its port cost half a second that would otherwise follow the window
     * (packaging/startup-bench.sh). The window's first {@link #open()} takes this result.
     */
    void warmUp() {
        CompletableFuture<ActiveConnection> opening = CompletableFuture.supplyAsync(this::openNow);
        synchronized (aheadLock) {
            ahead = opening;
        }
    }

    @Override
    public Optional<ActiveConnection> openedAlready() {
        synchronized (aheadLock) {
            if (ahead == null || !ahead.isDone() || ahead.isCompletedExceptionally()) {
                return Optional.empty();
            }
            // Done: join() returns at once.
            ActiveConnection opened = ahead.join();
            ahead = null;
            return Optional.of(opened);
        }
    }

    /** Blocking: may start the sandbox or read the keychain. The window calls it in the background. */
    @Override
    public ActiveConnection open() {
        CompletableFuture<ActiveConnection> opened;
        synchronized (aheadLock) {
            opened = ahead;
            ahead = null;
        }
        if (opened == null) {
            return openNow();
        }
        try {
            return opened.join();
        } catch (CompletionException e) {
            // The same failure the window would have met opening it itself: its message says why.
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private ActiveConnection openNow() {
        ConnectionProfile profile = profiles.activeProfile();
        StartupTrace.mark("connection: profile read");
        ConnectionSettings settings = profiles.settingsFor(profile);
        StartupTrace.mark("connection: settings ready (sandbox listening or keychain read)");
        // Interactive use: a few quick retries, then a clear message, rather than a minute of backoff.
        ContactsClient client = ContactsClient.builder(settings)
                .retryPolicy(RetryPolicy.of(Duration.ofMillis(500), Duration.ofSeconds(4), 3))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        String location = profile.sandbox() ? "Local sandbox " + settings.baseUrl().getAuthority() : profile.whereLabel();
        StartupTrace.mark("connection: HTTP client built");
        Mirror mirror = openMirror(settings);
        StartupTrace.mark("connection: mirror opened");
        if (mirror == null || mirror.isEmpty()) {
            // Nothing to paint from the mirror: the first page has to come from the sandbox.
            sandboxMayOpen.complete(null);
        }
        String destination = profile.sandbox() ? ImportDestination.BUILT_IN_SANDBOX : ImportDestination.of(settings);
        return new ActiveConnection(client, profile.name(), location, profile.sandbox(), profile.defaultCountry(),
                () -> {
                    client.close();
                    if (mirror != null) {
                        mirror.close();
                    }
                }, destination, mirror);
    }

    /** The account's mirror; without one the window still works on the API alone, so a failure is logged. */
    private Mirror openMirror(ConnectionSettings settings) {
        try {
            return new MirrorFiles(dirs.data(), Clock.systemUTC()).open(settings);
        } catch (MirrorException e) {
            LOG.warn("The contact mirror is not available; search covers names only", e);
            return null;
        }
    }

    private synchronized ConnectionSettings sandboxSettings() {
        if (closed) {
            // A late warm-up after the window already went away: nothing to start.
            throw new IllegalStateException("Dialbook is closing");
        }
        if (sandbox == null) {
            LOG.info("Starting the local sandbox in {}", dirs.sandboxData());
            StartupTrace.mark("sandbox: starting");
            sandbox = SandboxServer.startOpening(SandboxOptions.builder().port(0).dataDir(dirs.sandboxData())
                    .demoContacts(DEMO_CONTACTS).build(),
                    sandboxMayOpen.completeOnTimeout(null, SANDBOX_PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
            StartupTrace.mark("sandbox: listening (its database opens after the first page)");
        }
        return sandbox.connectionSettings();
    }

    @Override
    public void firstPageShown() {
        sandboxMayOpen.complete(null);
    }

    @Override
    public synchronized void close() {
        closed = true;
        synchronized (aheadLock) {
            if (ahead != null) {
                // Opened ahead for a window that never asked for it.
                ahead.thenAccept(DesktopServices::closeQuietly);
                ahead = null;
            }
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static void closeQuietly(ActiveConnection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            LOG.debug("Closing a connection nobody used failed", e);
        }
    }
}
