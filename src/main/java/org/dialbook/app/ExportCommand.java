package org.dialbook.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.WaitListener;
import org.dialbook.jobs.CancelToken;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.exporter.ExportListener;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportResult;
import org.dialbook.exporter.ExportScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialbook export OUT.csv}: every contact, or a name search and/or lists, to a CSV file that
 * {@code dialbook import} reads back unchanged. Exit codes as for {@code contacts}: 0 done, 1 the API
 * or the file failed, 2 bad usage or a missing setting; 130 when interrupted (Ctrl+C), which leaves
 * no file behind.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Export contacts to a CSV file (UTF-8) in the columns the import reads.",
            "Cells that a spreadsheet would run as a formula are prefixed with ' (the import removes it).",
            "Connects with --profile NAME, or EXOTEL_API_KEY, EXOTEL_API_TOKEN, EXOTEL_ACCOUNT_SID and "
                + "EXOTEL_REGION (singapore|mumbai, default singapore) or EXOTEL_BASE_URL."})
public final class ExportCommand extends CliCommand {
    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "OUT.csv", description = "The file to write; replaced if it exists.")
    Path out;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only contacts whose first or last name contains TEXT.")
    String name;

    @Option(names = "--list", paramLabel = "LIST",
            description = "Only contacts in this list, by name or sid; repeat for several lists.")
    List<String> lists = List.of();

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte order mark, so Excel reads accents right.")
    boolean bom;

    @Option(names = "--no-system-columns", description = "Leave out the sid, date_created and date_updated columns.")
    boolean noSystemColumns;

    private final CliConnection connection;

    /** The production wiring: the process environment, saved profiles and a default client (paced, retrying). */
    public ExportCommand() {
        this(CliConnection.forJobs());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ExportCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this(CliConnection.of(connection, clients));
    }

    /** The test seam with profiles. */
    public ExportCommand(CliConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    String afterApiError() {
        return ". No file was written.";
    }

    @Override
    String ioFailure(IOException e) {
        return "Could not write " + out + ": " + e.getMessage();
    }

    @Override
    int execute(PrintWriter stdout, PrintWriter stderr) throws IOException {
        ExportOptions options = new ExportOptions(bom, !noSystemColumns);
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: stop between contacts and let the exporter delete its temporary files.
        Thread onInterrupt = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dialbook-export-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (ContactsClient client = connection.open(connection.resolve(connectionOptions));
                WaitListener.Subscription waits = client.onWait(new ProgressLines(stderr, Clock.systemUTC()))) {
            // A list is named by name or sid everywhere; the API filters by sid.
            List<String> listSids = lists.stream().map(list -> client.lists().resolve(list).sid()).toList();
            ListQuery query = ListQuery.firstPage().withName(name).withListSids(listSids);
            ExportScope scope = new ExportScope.Query(query, describe());
            ExportResult result = new ContactExporter(client).export(scope, out, options, progress(stderr), cancel);
            if (!result.completed()) {
                stderr.println("Export interrupted after " + result.contacts() + " contacts; no file was written.");
                return INTERRUPTED;
            }
            stdout.println("Exported " + result.contacts() + (result.contacts() == 1 ? " contact" : " contacts")
                    + " to " + result.file() + (result.customColumns().isEmpty() ? ""
                    : " (custom columns: " + String.join(", ", result.customColumns()) + ")"));
            return OK;
        } finally {
            finished.countDown();
            removeHook(onInterrupt);
        }
    }

    private String describe() {
        String what = name == null ? "all contacts" : "contacts matching \"" + name + "\"";
        return lists.isEmpty() ? what : what + " in lists " + String.join(",", lists);
    }

    /** A progress line on stderr, redrawn in place when stderr is a terminal; silent otherwise. */
    private static ExportListener progress(PrintWriter stderr) {
        if (System.console() == null) {
            return ExportListener.NONE;
        }
        return (done, total) -> {
            if (done % ListQuery.MAX_LIMIT == 0 || done == total) {
                stderr.print("\rExporting: " + done + (total >= 0 ? " of " + total : "") + " contacts");
                if (done == total) {
                    stderr.println();
                }
                stderr.flush();
            }
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl+C): the hook is running and must stay registered.
        }
    }
}
