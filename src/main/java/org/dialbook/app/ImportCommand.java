package org.dialbook.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.jobs.CancelToken;
import org.dialbook.importer.ColumnMapping;
import org.dialbook.importer.ColumnTarget;
import org.dialbook.importer.CsvFormat;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.DuplicatePolicy;
import org.dialbook.importer.ImportDestination;
import org.dialbook.importer.ImportFileException;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportManifest;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportPreview;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.ImportSummary;
import org.dialbook.importer.ListChanges;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.importer.Previewer;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorException;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirroredContacts;
import org.dialbook.mirror.ReadGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dialbook import FILE.csv}: the same engine as the wizard, from a terminal. Exit codes: 0
 * when every row ended created, updated, skipped or invalid; 1 when any row failed, stayed unknown
 * or was not done; 2 for bad usage, an unreadable file or a missing connection.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {"Import contacts from a CSV file into Exotel.",
            "Connects like 'dialbook contacts': --profile NAME, or EXOTEL_API_KEY, EXOTEL_API_TOKEN, "
                + "EXOTEL_ACCOUNT_SID, EXOTEL_REGION or EXOTEL_BASE_URL."})
public final class ImportCommand extends CliCommand {
    @Mixin
    ConnectionOptions connectionOptions = new ConnectionOptions();

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The CSV file to import.")
    Path file;

    @Option(names = "--country", paramLabel = "CC", description = "Default country for numbers without a country "
            + "code (ISO code, default: ${DEFAULT-VALUE}).", defaultValue = "IN")
    String country;

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag applied to every imported contact.")
    String tag;

    @Option(names = "--map", paramLabel = "HEADER=FIELD", description = "Map a column: FIELD is number, "
            + "first_name, last_name, company_name, email, tag, custom:KEY or ignore. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--duplicates", paramLabel = "POLICY", description = "skip, create or update "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "skip")
    String duplicates;

    @Option(names = "--list", paramLabel = "NAME", description = "Add every imported row to this campaign list "
            + "(name or sid; made when no list has that name). Rows skipped as duplicates of existing contacts "
            + "go in as those contacts.")
    String list;

    @Option(names = "--dry-run", description = "Validate and show what would happen; send nothing.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "OUT.csv", description = "Write the row-by-row report here.")
    Path report;

    @Option(names = "--resume", description = "Finish the interrupted import of this file.")
    boolean resume;

    @Option(names = "--retry", description = "Settle the unknown rows of this file's last import (by checking the "
            + "account) and send its failed and missing rows again.")
    boolean retry;

    @Option(names = "--batch-size", paramLabel = "N", description = "Contacts per request, 1 to 5000 "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "5000")
    int batchSize;

    @Option(names = "--in-flight", paramLabel = "N", description = "Bulk requests in flight at once, 1 or 2 "
            + "(default: ${DEFAULT-VALUE}). With 2 the server works on the next batch while the last answer is "
            + "journaled; rows still settle in file order. Writes paced to a budget keep 1.", defaultValue = "1")
    int inFlight;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Override the detected encoding "
            + "(UTF-8, UTF-16LE, windows-1252...).")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "D", description = "Override the detected delimiter: , ; tab |")
    String delimiter;

    @Option(names = "--no-header", description = "The first row is data, not column names.")
    boolean noHeader;

    @Option(names = "--keep-journals", paramLabel = "DAYS", description = "Keep the journals of finished imports "
            + "(which Undo and Retry need) this many days, then remove them (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int keepJournalDays;

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    private final CliConnection connection;
    private final Supplier<Path> importsDir;

    public ImportCommand() {
        this(CliConnection.forJobs(), () -> AppDirs.fromEnvironment().imports());
    }

    /** The test seam: connection, client factory and where journals go. */
    public ImportCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients,
            Supplier<Path> importsDir) {
        this(CliConnection.of(connection, clients), importsDir);
    }

    /** The test seam with profiles. */
    public ImportCommand(CliConnection connection, Supplier<Path> importsDir) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.importsDir = Objects.requireNonNull(importsDir, "importsDir");
    }

    /** An unreadable file is a usage problem here: the user gave its path. */
    @Override
    int ioExitCode() {
        return USAGE;
    }

    @Override
    int interruptedExitCode() {
        return FAILED;
    }

    @Override
    String interrupted() {
        return "Interrupted; run again with --resume to finish.";
    }

    @Override
    int execute(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        try {
            return run(out, err);
        } catch (ImportFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            err.println("No such file: " + file.toAbsolutePath());
            return USAGE;
        }
        DuplicatePolicy policy = parsePolicy(duplicates);
        if (resume && retry) {
            throw new IllegalArgumentException("Use --resume or --retry, not both");
        }
        if (inFlight < 1 || inFlight > ImportRunner.MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("--in-flight must be 1 or " + ImportRunner.MAX_IN_FLIGHT + "; got "
                    + inFlight);
        }
        if (resume) {
            return resume(out, err);
        }
        if (retry) {
            return retry(out, err);
        }
        CsvInspection inspection = CsvInspector.inspect(file, charset(), delimiterChar(), noHeader ? false : null);
        ColumnMapping mapping = applyMaps(inspection.headers(), MappingSuggester.suggest(inspection));
        ImportOptions options = ImportOptions.defaults(country).withTag(tag).withDuplicates(policy)
                .withBatchSize(batchSize).withList(list);
        ImportPlan plan = ImportPlan.of(inspection, mapping, options);
        out.println("Reading " + file.getFileName() + ": " + inspection.encodingReason() + ", "
                + CsvFormat.delimiterName(inspection.format().delimiter()) + "-separated, "
                + (inspection.format().hasHeader() ? "with" : "without") + " a header row");
        out.println("Columns: " + describe(inspection.headers(), mapping));
        if (dryRun) {
            return dryRun(plan, out, err);
        }
        ConnectionSettings settings = connection.resolve(connectionOptions);
        try (ContactsClient client = connection.open(settings); Mirror mirror = existingMirror(client, err)) {
            ImportRunner runner = new ImportRunner(jobsApi(client, mirror), importsDir.get(), destinationOf(settings))
                    .requestsInFlight(inFlight)
                    .retainFinishedJournals(Duration.ofDays(keepJournalDays)).writeReportAsRowsSettle()
                    .withLists(client.lists()).reportingListChangesTo(listChangesOf(mirror));
            ImportResult result = runner.start(plan, 0, progressBar(err), CancelToken.none());
            return finish(runner, result, out, err);
        }
    }

    private int resume(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ConnectionSettings settings = connection.resolve(connectionOptions);
        try (ContactsClient client = connection.open(settings); Mirror mirror = existingMirror(client, err)) {
            ImportRunner runner = new ImportRunner(jobsApi(client, mirror), importsDir.get(), destinationOf(settings))
                    .requestsInFlight(inFlight)
                    .withLists(client.lists()).reportingListChangesTo(listChangesOf(mirror));
            Optional<ImportManifest> open = runner.resumable(file);
            if (open.isEmpty()) {
                Optional<ImportManifest> last = runner.latest(file);
                ImportSummary summary = last.isPresent() ? runner.summary(last.get().id()) : null;
                if (summary != null && summary.failed() + summary.unknown() > 0) {
                    err.println("The last import of " + file + " (" + last.get().id() + ") finished with "
                            + (summary.failed() + summary.unknown()) + " rows failed or unknown; run with --retry "
                            + "to send only those again.");
                } else {
                    err.println("There is no interrupted import of " + file + " to resume.");
                }
                return USAGE;
            }
            out.println("Resuming import " + open.get().id() + " started " + open.get().createdAt());
            ImportResult result = runner.resume(open.get().id(), progressBar(err), CancelToken.none());
            return finish(runner, result, out, err);
        }
    }

    private int retry(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ConnectionSettings settings = connection.resolve(connectionOptions);
        try (ContactsClient client = connection.open(settings)) {
            ImportRunner runner = new ImportRunner(client, importsDir.get(), destinationOf(settings))
                    .requestsInFlight(inFlight);
            Optional<ImportManifest> last = runner.latest(file);
            if (last.isEmpty()) {
                err.println("There is no import of " + file + " into " + destinationOf(settings) + " to retry.");
                return USAGE;
            }
            out.println("Retrying import " + last.get().id() + " started " + last.get().createdAt()
                    + ": checking the account for unknown rows, then sending failed and missing rows");
            ImportResult result = runner.retryFailed(last.get().id(), progressBar(err), CancelToken.none());
            return finish(runner, result, out, err);
        }
    }

    /**
     * The account's mirror when {@code dialbook sync} or the window made one (the app's data folder
     * holds the imports folder); null otherwise, and when it cannot be opened: the import then walks
     * the account as before.
     */
    private Mirror existingMirror(ContactsClient client, PrintWriter err) {
        MirrorFiles files = new MirrorFiles(importsDir.get().toAbsolutePath().getParent(), Clock.systemUTC());
        if (!Files.exists(files.fileFor(client.settings()))) {
            return null;
        }
        try {
            Mirror mirror = files.open(client.settings());
            mirror.setAsideNotice().ifPresent(err::println);
            return mirror;
        } catch (MirrorException e) {
            LOG.warn("Not using the contact mirror: {}", e.getMessage());
            return null;
        }
    }

    /**
     * With a complete mirror, the duplicate check (--duplicates skip) reads it after an incremental
     * sync, within the sync's share of the read budget, instead of walking the whole account.
     */
    /** The list step's changes go into the account's mirror at once, when it has one. */
    private static ListChanges listChangesOf(Mirror mirror) {
        return mirror == null ? ListChanges.NONE : mirror.lists().importChanges();
    }

    private static ContactsApi jobsApi(ContactsClient client, Mirror mirror) {
        return mirror == null ? client : new MirroredContacts(client, mirror,
                ReadGate.forClient(client, ReadGate.DEFAULT_SHARE_PERCENT), Clock.systemUTC());
    }

    /** The account and server an import sends to, spelled as the desktop app spells it. */
    static String destinationOf(ConnectionSettings settings) {
        return ImportDestination.of(settings);
    }

    private int dryRun(ImportPlan plan, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ContactsClient client = null;
        try {
            if (plan.options().needsExisting()) {
                try {
                    client = connection.open(connection.resolve(connectionOptions));
                } catch (ConnectionSetupException e) {
                    out.println("Not connected, so numbers already in the account are not checked: " + e.getMessage());
                }
            }
            ImportPreview preview = new Previewer(client).preview(plan, progressBar(err), CancelToken.none());
            clearBar(err);
            out.printf(Locale.ROOT, "Dry run: %d rows: %d to create, %d to update, %d to skip, %d invalid "
                            + "(%d duplicates in the file, %d already in the account)%n", preview.rows(),
                    preview.toCreate(), preview.toUpdate(), preview.toSkip(), preview.invalid(),
                    preview.duplicatesInFile(), preview.duplicatesInAccount());
            for (ImportPreview.PreviewRow row : preview.firstRows().subList(0, Math.min(5, preview.firstRows().size()))) {
                out.println("  row " + row.row() + ": " + row.contact().number() + " " + nameOf(row) + " -> "
                        + row.action());
            }
            int shown = 0;
            for (ImportPreview.InvalidRow row : preview.invalidRows()) {
                if (shown++ == 20) {
                    out.println("  ... and " + (preview.invalid() - 20) + " more invalid rows");
                    break;
                }
                out.println("  row " + row.row() + " invalid: " + row.reason());
            }
            return OK;
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    private static String nameOf(ImportPreview.PreviewRow row) {
        String first = row.contact().firstName() == null ? "" : row.contact().firstName();
        String last = row.contact().lastName() == null ? "" : row.contact().lastName();
        return (first + " " + last).strip();
    }

    private int finish(ImportRunner runner, ImportResult result, PrintWriter out, PrintWriter err)
            throws IOException {
        clearBar(err);
        ImportSummary summary = result.summary();
        out.println("Import " + result.id() + ": " + summary.oneLine());
        if (result.listCalls() > 0) {
            out.println("Checking the account for lost answers took " + result.listCalls() + " list calls");
        }
        if (result.list() != null) {
            out.println("List: " + result.list());
        }
        Path reportFile = report != null ? report : result.folder().resolve("report.csv");
        long rows = runner.writeReport(result.id(), reportFile);
        out.println("Report (" + rows + " rows): " + reportFile.toAbsolutePath());
        if (summary.failed() > 0 || summary.unknown() > 0) {
            err.println(summary.failed() + summary.unknown() + " rows did not make it; see the report. "
                    + "Run again with --retry (or the wizard's \"Retry failed\") to send only those again.");
        }
        if (summary.pending() > 0) {
            err.println(summary.pending() + " rows were not done; run again with --resume to finish.");
        }
        // Rows left out because they were invalid or repeated in the file are no trouble; a failed add is.
        boolean listTrouble = result.list() != null && (result.list().contains(" could not be added")
                || !result.list().matches("\\d+ rows in list .*"));
        return summary.hasProblems() || listTrouble ? FAILED : OK;
    }

    private ColumnMapping applyMaps(List<String> headers, ColumnMapping suggested) {
        ColumnMapping mapping = suggested;
        for (String map : maps) {
            int equals = map.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--map needs HEADER=FIELD, got '" + map + "'");
            }
            String header = map.substring(0, equals).strip();
            ColumnTarget target = ColumnTarget.parse(map.substring(equals + 1));
            int column = -1;
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).equalsIgnoreCase(header)) {
                    column = i;
                }
            }
            if (column < 0) {
                throw new IllegalArgumentException("--map: no column named '" + header + "'; the columns are "
                        + String.join(", ", headers));
            }
            // A field can be in one column only: the column that had it before gives it up.
            for (int i = 0; i < mapping.columnCount(); i++) {
                if (i != column && target.kind() != ColumnTarget.Kind.IGNORE && mapping.target(i).equals(target)) {
                    mapping = mapping.with(i, ColumnTarget.IGNORED);
                }
            }
            mapping = mapping.with(column, target);
        }
        mapping.problem(headers).ifPresent(problem -> {
            throw new IllegalArgumentException(problem + " Use --map HEADER=FIELD.");
        });
        return mapping;
    }

    private static String describe(List<String> headers, ColumnMapping mapping) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            parts.add(headers.get(i) + " -> " + mapping.target(i).label());
        }
        return String.join(", ", parts);
    }

    private Charset charset() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown encoding '" + encoding + "'; try UTF-8, UTF-16LE, "
                    + "UTF-16BE or windows-1252.");
        }
    }

    private Character delimiterChar() {
        return delimiter == null ? null : CsvFormat.parseDelimiter(delimiter);
    }

    private static DuplicatePolicy parsePolicy(String text) {
        try {
            return DuplicatePolicy.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--duplicates must be skip, create or update; got '" + text + "'");
        }
    }

    /** A one-line bar redrawn in place, only when stderr is a terminal. */
    private static ImportListener progressBar(PrintWriter err) {
        if (System.console() == null) {
            return new ProgressLines(err, Clock.systemUTC());
        }
        return progress -> {
            double fraction = progress.fraction();
            StringBuilder line = new StringBuilder("\r");
            if (fraction >= 0) {
                int filled = (int) (fraction * 30);
                line.append('[').append("#".repeat(filled)).append(" ".repeat(30 - filled)).append("] ")
                        .append(String.format(Locale.ROOT, "%3d%% ", (int) (fraction * 100)));
            }
            line.append(progress.phase().label()).append(": ").append(progress.rowsDone());
            if (progress.rowsTotal() > 0) {
                line.append('/').append(progress.rowsTotal());
            }
            line.append(String.format(Locale.ROOT, " rows, %.0f rows/s", progress.rowsPerSecond()));
            if (progress.eta() != null) {
                line.append(", ").append(progress.eta().toSeconds()).append(" s left");
            }
            if (progress.waiting() != null) {
                line.append(" · ").append(progress.waiting().describe(ZoneId.systemDefault()));
            }
            line.append("   ");
            synchronized (err) {
                err.print(line);
                err.flush();
            }
        };
    }

    private static void clearBar(PrintWriter err) {
        if (System.console() != null) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
