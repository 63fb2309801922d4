package org.dialbook.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxFaults;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dialbook sandbox}: runs the local sandbox in the foreground, prints how to reach it, and
 * stops cleanly (database closed) on Ctrl+C. Exit codes: 0 after a clean stop, 1 when it cannot
 * start (port taken, data folder in use), 2 for bad options.
 */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Runs the local sandbox: a server on this computer that speaks the Exotel Contacts API v2,",
            "keeps its contacts on disk, and can misbehave on purpose. Runs until interrupted (Ctrl+C)."})
public final class SandboxCommand implements Callable<Integer> {

    /** The port when none is given; fixed so README examples and saved profiles keep working. */
    static final int DEFAULT_PORT = 8580;

    /** What to do while the sandbox runs; production waits for Ctrl+C, tests talk to it and return. */
    @FunctionalInterface
    interface Runner {
        void run(SandboxServer server) throws InterruptedException;
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @ArgGroup(exclusive = true)
    private Storage storage;

    /** Where the contacts live; one or the other. */
    static final class Storage {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder for the database (default: the app's data folder).")
        Path data;

        @Option(names = "--in-memory", description = "Keep nothing: the contacts go when the sandbox stops.")
        boolean inMemory;
    }

    @Option(names = "--throttle", paramLabel = "N/min",
            description = "Answer 429 with Retry-After beyond N requests per minute per account.")
    private String throttle;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = {"Faults to inject, e.g. latency=200ms,error=0.05,item429=0.1,lost=0.01",
                "(error: share of requests failing 500/503; item429: share of bulk items failing 429;",
                "lost: share of requests whose work commits but whose answer is dropped)."})
    private String faults;

    @Option(names = "--exotel-limits",
            description = "Exotel's published limits per account: 30 writes and 300 reads a minute, "
                    + "with X-RateLimit-Limit/-Remaining/-Reset headers on every answer.")
    private boolean exotelLimits;

    @Option(names = "--rest-exception-429",
            description = "Answer a throttled request with Exotel's RestException body instead of the v2 envelope.")
    private boolean restException429;

    @Option(names = "--idle-timeout", paramLabel = "TIME",
            description = "Close keep-alive connections idle longer than this, e.g. 2s (load balancers: 60-75s).")
    private String idleTimeout;

    @Option(names = "--http10", description = "Answer over HTTP/1.0 without keep-alive: one request per connection.")
    private boolean http10;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for faults and demo data, so runs repeat (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--demo-contacts", paramLabel = "N", defaultValue = "0",
            description = "Seed N realistic contacts on first start (once per data folder).")
    private int demoContacts;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    private List<AccountOptions> accounts;

    /** One served account; repeat the three options to serve several. */
    static final class AccountOptions {
        @Option(names = "--account", paramLabel = "SID", required = true,
                description = "Account SID to serve instead of sandbox; repeat with its key and token for more.")
        String sid;

        @Option(names = "--api-key", paramLabel = "KEY", required = true, description = "API key for that account.")
        String apiKey;

        @Option(names = "--api-token", paramLabel = "TOKEN", required = true,
                description = "API token for that account.")
        String apiToken;
    }

    private final AppDirs dirs;
    private final Runner runner;

    /** The production wiring: the user's folders, and run until interrupted. */
    public SandboxCommand() {
        this(AppDirs.fromEnvironment(), SandboxCommand::runUntilInterrupted);
    }

    SandboxCommand(AppDirs dirs, Runner runner) {
        this.dirs = dirs;
        this.runner = runner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SandboxOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("dialbook sandbox: " + e.getMessage());
            return 2;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (UncheckedIOException e) {
            err.println("dialbook sandbox: " + explain(e, options));
            return 1;
        }
        try (server) {
            try {
                if (throttle != null) {
                    server.faults().throttlePerMinute(SandboxFaults.parseThrottle(throttle));
                }
                server.faults().apply(faults);
            } catch (IllegalArgumentException e) {
                err.println("dialbook sandbox: " + e.getMessage());
                return 2;
            }
            printBanner(out, server);
            runner.run(server);
            out.println("Sandbox stopped.");
            out.flush();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * The database of a data folder can be open in one process only; when the desktop app (or another
     * sandbox) holds it, a different folder or no folder is the fix, not another port. The database's
     * own text ("use the server mode [90020-252]") helps nobody, so it is left out.
     */
    private String explain(UncheckedIOException e, SandboxOptions options) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Cannot open the sandbox database")) {
            return "the data folder " + options.dataDir().map(Path::toString).orElse("")
                    + " is in use, probably by the Dialbook window or another sandbox.\n"
                    + "Start this one on another folder with --data DIR, or keep nothing with --in-memory.";
        }
        return message + (port != 0 ? "\nIf the port is taken, choose another with --port N (0 picks a free one)." : "");
    }

    private SandboxOptions options() {
        SandboxOptions.Builder builder = SandboxOptions.builder().port(port).seed(seed).demoContacts(demoContacts)
                .exotelLimits(exotelLimits).restException429(restException429).http10(http10)
                .idleTimeout(idleTimeout == null ? null : SandboxFaults.parseDuration(idleTimeout));
        if (storage != null && storage.inMemory) {
            builder.inMemory();
        } else {
            builder.dataDir(storage != null && storage.data != null ? storage.data : dirs.sandboxData());
        }
        if (accounts != null) {
            for (AccountOptions account : accounts) {
                builder.account(new SandboxAccount(account.sid, account.apiKey, account.apiToken));
            }
        }
        return builder.build();
    }

    private static void printBanner(PrintWriter out, SandboxServer server) {
        SandboxAccount account = server.defaultAccount();
        out.println("Dialbook sandbox: the Exotel Contacts API v2 on this computer");
        out.println("  Base URL:     " + server.baseUrl());
        for (SandboxAccount served : server.accounts()) {
            out.println("  Account SID:  " + served.accountSid());
            out.println("  API key:      " + served.apiKey());
            out.println("  API token:    " + served.apiToken());
            out.println("  Contacts:     " + server.contactCount(served.accountSid()));
        }
        out.println("  Data:         " + server.dataDir().map(Path::toString).orElse("in memory (gone when stopped)"));
        out.println("  Faults:       " + server.faults());
        out.println("Try:");
        out.println("  curl -u " + account.apiKey() + ":" + account.apiToken() + " '" + server.baseUrl()
                + "/v2/accounts/" + account.accountSid() + "/contacts?offset=0&limit=20'");
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** Blocks until the JVM is asked to stop; the hook closes the sandbox so the database shuts cleanly. */
    private static void runUntilInterrupted(SandboxServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "dialbook-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
