package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.dialbook.api.ApiException;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.DeleteMany;
import org.dialbook.api.ListsClient;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.WaitListener;
import org.dialbook.api.WaitStatus;
import org.dialbook.contact.PhoneRule;
import org.dialbook.files.SafeFiles;
import org.dialbook.jobs.CancelToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, resumes, retries and undoes imports. Each import lives in its own folder under the imports
 * folder (manifest + journal), so it survives a kill of the app.
 */
public final class ImportRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The most bulk requests in flight at once; more would only queue on a 2-core client and one server. */
    public static final int MAX_IN_FLIGHT = 2;

    private final ContactsApi api;
    private final Path importsDir;
    private final Clock clock;
    private final ValidationPipeline pipeline;
    private final String destination;
    private final ListsClient lists;
    private volatile Duration journalRetention = JournalRetention.DEFAULT;
    private volatile ListChanges listChanges = ListChanges.NONE;
    private volatile boolean reportAsRowsSettle;
    private volatile int requestsInFlight = 1;
    /** Reports written as rows settled, by import id, until {@link #writeReport} moves them into place. */
    private final Map<String, LiveReport.Done> liveReports = new ConcurrentHashMap<>();

    public ImportRunner(ContactsApi api, Path importsDir) {
        this(api, importsDir, null);
    }

    /**
     * @param destination names the account and server {@code api} talks to; recorded with each new import,
     *     and only imports recorded for the same destination (or none) are offered for resuming
     */
    public ImportRunner(ContactsApi api, Path importsDir, String destination) {
        this(api, importsDir, Clock.systemUTC(), ValidationPipeline.forThisMachine(), destination);
    }

    ImportRunner(ContactsApi api, Path importsDir, Clock clock, ValidationPipeline pipeline) {
        this(api, importsDir, clock, pipeline, null);
    }

    ImportRunner(ContactsApi api, Path importsDir, Clock clock, ValidationPipeline pipeline, String destination) {
        this(api, importsDir, clock, pipeline, destination, null);
    }

    private ImportRunner(ContactsApi api, Path importsDir, Clock clock, ValidationPipeline pipeline,
            String destination, ListsClient lists) {
        this.lists = lists;
        this.api = api;
        this.importsDir = importsDir;
        this.clock = clock;
        this.pipeline = pipeline;
        this.destination = destination;
    }

    /** Keeps the journals of finished imports for {@code keep} instead of 30 days; returns this runner. */
    public ImportRunner retainFinishedJournals(Duration keep) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("the journal retention cannot be negative: " + keep);
        }
        this.journalRetention = keep;
        return this;
    }

    /** Hands what the list step changed on the server to {@code changes} (the mirror); returns this runner. */
    public ImportRunner reportingListChangesTo(ListChanges changes) {
        this.listChanges = Objects.requireNonNull(changes, "changes");
        return this;
    }

    /**
     * Writes a new import's report as its rows settle, on a thread of its own, so that
     * {@link #writeReport} right after the import only moves it into place (the CLI, which always
     * writes one). Without this the report is read from the journal when asked for. Returns this runner.
     */
    public ImportRunner writeReportAsRowsSettle() {
        this.reportAsRowsSettle = true;
        return this;
    }

    /**
     * Keeps up to {@code requests} bulk requests in flight (1 or 2; the API may allow fewer, as a
     * client paced to a write budget does). Two let the server work on batch k+1 while batch k's answer
     * is read and journaled; rows still settle in batch order. Under faults the server then meets the
     * requests in an order that depends on timing, so which rows draw a 429 or a lost answer is no
     * longer repeatable from run to run; one, the default, keeps it so. Returns this runner.
     */
    public ImportRunner requestsInFlight(int requests) {
        if (requests < 1 || requests > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("requests in flight must be 1 to " + MAX_IN_FLIGHT + ", got "
                    + requests);
        }
        this.requestsInFlight = requests;
        return this;
    }

    /**
     * Starts a new import. Journals of imports over for longer than the retention are removed first.
     *
     * @param expectedRows the row count from a preview, for progress; 0 when unknown
     */
    public ImportResult start(ImportPlan plan, long expectedRows, ImportListener listener, CancelToken cancel)
            throws IOException, InterruptedException {
        Instant now = clock.instant();
        JournalRetention.removeExpired(importsDir, journalRetention, clock);
        String id = claimNewImportFolder(now);
        ImportManifest manifest = new ImportManifest(id, plan, Files.size(plan.file()),
                Files.getLastModifiedTime(plan.file()).toMillis(), now, -1, "running",
                Math.max(0, expectedRows), destination);
        try (ImportJournal journal = ImportJournal.create(importsDir.resolve(id), manifest)) {
            return pass(journal, null, false, expectedRows, listener, cancel);
        }
    }

    /**
     * Creates the new import's folder and returns its id. The folder is claimed atomically: two imports
     * started in the same second could draw the same suffix, and sharing a journal would merge their rows.
     */
    private String claimNewImportFolder(Instant now) throws IOException {
        Files.createDirectories(importsDir);
        while (true) {
            String id = ID_TIME.format(now) + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
            try {
                Files.createDirectory(importsDir.resolve(id));
                return id;
            } catch (FileAlreadyExistsException taken) {
                LOG.debug("Import id {} is taken; drawing another", id);
            }
        }
    }

    /** Finishes an import that was stopped or killed; rows already settled are not sent again. */
    public ImportResult resume(String id, ImportListener listener, CancelToken cancel)
            throws IOException, InterruptedException {
        return reopen(id, false, listener, cancel);
    }

    /** Sends again only the rows that failed or ended unknown (after checking the account for those). */
    public ImportResult retryFailed(String id, ImportListener listener, CancelToken cancel)
            throws IOException, InterruptedException {
        return reopen(id, true, listener, cancel);
    }

    private ImportResult reopen(String id, boolean retry, ImportListener listener, CancelToken cancel)
            throws IOException, InterruptedException {
        JournalRetention.requireJournal(importsDir, id, retry ? "retried" : "resumed");
        Path folder = importsDir.resolve(id);
        ImportManifest manifest = ImportJournal.readManifest(folder);
        checkFileUnchanged(manifest);
        JournalState state = JournalState.load(folder.resolve(ImportJournal.JOURNAL));
        try (ImportJournal journal = ImportJournal.open(folder, state)) {
            journal.updateManifest(manifest.withState("running"));
            return pass(journal, state, retry, Math.max(0, manifest.rowsInFile()), listener, cancel);
        }
    }

    private static void checkFileUnchanged(ImportManifest manifest) throws IOException {
        Path file = manifest.plan().file();
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException("The imported file is gone: " + file);
        }
        if (Files.size(file) != manifest.fileSize()
                || Files.getLastModifiedTime(file).toMillis() != manifest.fileModified()) {
            throw new ImportFileException("The file " + file + " changed since the import started; resuming "
                    + "would mix two versions. Start a new import instead.");
        }
    }

    private ImportResult pass(ImportJournal journal, JournalState previous, boolean retry, long expectedRows,
            ImportListener listener, CancelToken cancel) throws IOException, InterruptedException {
        // Waits (a retry, the rate budget, an outage) are shown on the latest snapshot, so a paused job
        // says why it does not move instead of showing a frozen bar.
        AtomicReference<ImportProgress> latest = new AtomicReference<>(new ImportProgress(ImportProgress.Phase.SENDING,
                0, expectedRows, 0, 0, ImportSummary.EMPTY, 0, null));
        ImportListener tracked = progress -> {
            latest.set(progress);
            listener.progress(progress);
        };
        WaitListener shown = new WaitListener() {
            @Override
            public void waiting(WaitStatus status) {
                listener.progress(latest.get().withWaiting(status));
            }

            @Override
            public boolean cancelled() {
                // Cancel ends an outage pause within seconds; the rows it held end "failed".
                return cancel.isCancelled();
            }

            @Override
            public Duration outagePatience() {
                return ContactsClient.JOB_OUTAGE_PATIENCE;
            }
        };
        try (WaitListener.Subscription waits = api.onWait(shown)) {
            return send(journal, previous, retry, expectedRows, tracked, cancel);
        }
    }

    private ImportResult send(ImportJournal journal, JournalState previous, boolean retry, long expectedRows,
            ImportListener listener, CancelToken cancel) throws IOException, InterruptedException {
        ImportPlan plan = journal.manifest().plan();
        BitSet done = previous == null ? new BitSet() : previous.settled();
        if (retry) {
            for (RowOutcome redo : List.of(RowOutcome.FAILED, RowOutcome.UNKNOWN)) {
                for (int row = done.nextSetBit(0); row >= 0; row = done.nextSetBit(row + 1)) {
                    if (previous.has(row, redo)) {
                        done.clear(row);
                    }
                }
            }
        }
        long alreadyDone = done.cardinality();
        long bytesTotal = Files.size(plan.file());

        ExistingNumbers existing = ExistingNumbers.none();
        if (plan.options().needsExisting()) {
            existing = ExistingNumbers.load(api, new PhoneRule(plan.options().defaultCountry()), cancel, seen -> listener.progress(new ImportProgress(
                    ImportProgress.Phase.CHECKING_ACCOUNT, seen, 0, 0, 0, ImportSummary.EMPTY, 0, null)));
        }
        Reconciler reconciler = new Reconciler(api, plan.options().reconcileWindow(),
                new PhoneRule(plan.options().defaultCountry()));
        Map<Long, String> reconciled = new HashMap<>();
        if (previous != null && !cancel.isCancelled()) {
            listener.progress(new ImportProgress(ImportProgress.Phase.RECONCILING, alreadyDone, expectedRows, 0,
                    bytesTotal, ImportSummary.EMPTY, 0, null));
            reconciled.putAll(reconcileUnanswered(previous, retry, reconciler, journal));
        }

        // Only a new import without a list step: then every row settles once, in this pass.
        try (LiveReport live = reportAsRowsSettle && previous == null && plan.options().list() == null
                ? LiveReport.start(journal.folder(), plan.headers()) : null) {
            return sendRows(journal, reconciler, reconciled, done, alreadyDone, existing, live, expectedRows,
                    listener, cancel);
        }
    }

    /** The pass itself: reads, validates and sends every row not settled yet, then journals the summary. */
    private ImportResult sendRows(ImportJournal journal, Reconciler reconciler, Map<Long, String> reconciled,
            BitSet done, long alreadyDone, ExistingNumbers existing, LiveReport live, long expectedRows,
            ImportListener listener, CancelToken cancel) throws IOException, InterruptedException {
        ImportPlan plan = journal.manifest().plan();
        OutcomeCounter counter = new OutcomeCounter();
        long bytesTotal = Files.size(plan.file());
        ProgressMeter meter = new ProgressMeter(clock, alreadyDone);
        journal.reportTo(live);
        BatchSender batchSender = new BatchSender(api, journal, reconciler, counter, clock);
        long[] rowsRead = {0, 0};
        SendQueue queue = new SendQueue(batchSender, cancel, () -> report(listener, meter, counter, alreadyDone,
                expectedRows, rowsRead, bytesTotal),
                Math.max(1, Math.min(requestsInFlight, api.bulkWritesInFlight())));
        ImportSink sink = new ImportSink(journal, counter, done, reconciled, queue, plan.options().batchSize(), live);
        DuplicateFilter filter = new DuplicateFilter(plan.options().duplicates(), existing);
        long rows;
        try {
            rows = pipeline.run(plan, filter, sink, (read, bytes) -> {
                rowsRead[0] = read;
                rowsRead[1] = bytes;
                if (meter.due()) {
                    report(listener, meter, counter, alreadyDone, expectedRows, rowsRead, bytesTotal);
                }
            }, cancel);
            sink.flush();
            queue.finish();
        } finally {
            queue.shutdown();
            journal.reportTo(null);
            journal.flush();
        }
        boolean cancelled = cancel.isCancelled();
        if (live != null && !cancelled) {
            LiveReport.Done report = live.finish(journal.journalFile());
            if (report != null) {
                liveReports.put(journal.manifest().id(), report);
            }
        }
        ImportManifest manifest = journal.manifest();
        if (!cancelled) {
            manifest = manifest.withRows(rows);
        }
        JournalState after = journal.outcomes();
        ImportSummary summary = after.summary(Math.max(manifest.rowsInFile(), rows));
        journal.updateManifest(manifest.withState(cancelled ? "cancelled" : summary.pending() > 0 ? "stopped"
                : "finished"));
        listener.progress(new ImportProgress(ImportProgress.Phase.DONE, summary.settled(), summary.rows(),
                bytesTotal, bytesTotal, summary, meter.rate(alreadyDone + counter.total()), null));
        LOG.info("Import {} {}: {}; checking the account for lost answers took {} list calls", journal.manifest().id(),
                cancelled ? "cancelled" : "done", summary.oneLine(), reconciler.listCalls());
        String listLine = cancelled || plan.options().list() == null ? null : addToList(plan.options().list(), journal);
        return new ImportResult(manifest.id(), journal.folder(), summary, cancelled, reconciler.listCalls(), listLine);
    }

    /** Runs the list step; a failure there leaves the import itself as it was and is said in the line. */
    private String addToList(String list, ImportJournal journal) throws IOException {
        if (lists == null) {
            return "Not added to list '" + list + "': this connection cannot reach the Lists API";
        }
        try {
            ImportListStep.Result result = ImportListStep.run(lists, list, journal.folder(), journal.journalFile(),
                    listChanges);
            return result.added() + " rows in list '" + result.list().name() + "'"
                    + (result.notAdded() == 0 ? "" : "; " + result.notAdded() + " not (see the report's list column)")
                    + (result.failedAdds() == 0 ? "" : "; " + result.failedAdds() + " could not be added");
        } catch (ApiException e) {
            LOG.warn("Import {}: list step failed: {}", journal.manifest().id(), e.getMessage());
            return ImportListStep.describe(e);
        }
    }

    /**
     * The same runner, adding imported rows to the campaign list the options name (through
     * {@code listsClient}, on the same connection as the contacts).
     */
    public ImportRunner withLists(ListsClient listsClient) {
        ImportRunner runner = new ImportRunner(api, importsDir, clock, pipeline, destination, listsClient)
                .retainFinishedJournals(journalRetention).reportingListChangesTo(listChanges);
        runner.reportAsRowsSettle = reportAsRowsSettle;
        runner.requestsInFlight = requestsInFlight;
        return runner;
    }

    private static Map<Long, String> reconcileUnanswered(JournalState previous, boolean retry, Reconciler reconciler,
            ImportJournal journal) throws IOException {
        List<JournalState.Batch> open = previous.unanswered(retry);
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> rows = new java.util.LinkedHashMap<>();
        Instant since = null;
        for (JournalState.Batch batch : open) {
            for (int i = 0; i < batch.rows().length; i++) {
                rows.put(batch.rows()[i], batch.keys()[i]);
            }
            since = since == null || batch.at().isBefore(since) ? batch.at() : since;
        }
        LOG.info("Checking the account for {} rows sent before the import stopped", rows.size());
        return reconciler.find(rows, since, journal);
    }

    private static void report(ImportListener listener, ProgressMeter meter, OutcomeCounter counter, long alreadyDone,
            long expectedRows, long[] rowsRead, long bytesTotal) {
        long doneRows = alreadyDone + counter.total();
        long total = expectedRows > 0 ? expectedRows
                : rowsRead[1] > 0 ? Math.max(rowsRead[0], (long) ((double) rowsRead[0] * bytesTotal / rowsRead[1])) : 0;
        listener.progress(new ImportProgress(ImportProgress.Phase.SENDING, doneRows, total, rowsRead[1], bytesTotal,
                counter.summary(0), meter.rate(doneRows), meter.eta(doneRows, total)));
    }

    /** Deletes exactly the contacts this import created (and not yet undone). */
    public UndoResult undo(String id, ImportListener listener, CancelToken cancel) throws IOException {
        JournalRetention.requireJournal(importsDir, id, "undone");
        Path folder = importsDir.resolve(id);
        JournalState state = JournalState.load(folder.resolve(ImportJournal.JOURNAL));
        Set<String> sids = new LinkedHashSet<>();
        JournalState.forEachLine(folder.resolve(ImportJournal.JOURNAL), json -> {
            if (json.get("k").getAsString().equals("row") && json.get("o").getAsString().equals("CREATED")
                    && json.has("sid")) {
                sids.add(json.get("sid").getAsString());
            }
        });
        sids.removeAll(state.undone());
        long[] counts = new long[3];
        ProgressMeter meter = new ProgressMeter(clock, 0);
        try (ImportJournal journal = ImportJournal.open(folder, state.maxBatch() + 1)) {
            DeleteMany.run(api, List.copyOf(sids), cancel::isCancelled, new DeleteMany.Listener() {
                @Override
                public void deleted(String sid, Contact contact) {
                    journal.undone(sid, null);
                    counts[0]++;
                }

                @Override
                public void failed(String sid, ApiException e) {
                    if (e instanceof NotFoundException) {
                        journal.undone(sid, "already deleted");
                        counts[1]++;
                    } else {
                        LOG.warn("Undo could not delete contact {}: {}", sid, e.getMessage());
                        counts[2]++;
                    }
                }

                @Override
                public void progress(int done, int total) {
                    if (meter.due() || done == total) {
                        journal.flush();
                        listener.progress(new ImportProgress(ImportProgress.Phase.UNDOING, done, total, 0, 0,
                                ImportSummary.EMPTY, meter.rate(done), meter.eta(done, total)));
                    }
                }
            });
            journal.flush();
            if (!cancel.isCancelled() && counts[2] == 0) {
                journal.updateManifest(journal.manifest().withState("undone"));
            }
        }
        return new UndoResult(counts[0], counts[1], counts[2], cancel.isCancelled());
    }

    /** Every row's latest outcome. */
    public ImportSummary summary(String id) throws IOException {
        Path folder = importsDir.resolve(id);
        ImportManifest manifest = ImportJournal.readManifest(folder);
        return JournalState.load(folder.resolve(ImportJournal.JOURNAL)).summary(manifest.rowsInFile());
    }

    /** Writes the report CSV; returns the number of rows in it. */
    public long writeReport(String id, Path out) throws IOException {
        JournalRetention.requireJournal(importsDir, id, "reported");
        Path folder = importsDir.resolve(id);
        LiveReport.Done live = liveReports.remove(id);
        if (live != null && live.matches(folder.resolve(ImportJournal.JOURNAL))
                && ImportListStep.read(folder).isEmpty()) {
            SafeFiles.moveIntoPlace(live.file(), out.toAbsolutePath());
            return live.rows();
        }
        if (live != null) {
            live.discard();
        }
        try (ImportJournal journal = ImportJournal.open(folder, 0)) {
            return ReportWriter.write(journal, out);
        }
    }

    /** All imports, newest first. */
    public List<ImportManifest> imports() throws IOException {
        return manifestsIn(importsDir);
    }

    /** The manifests of all imports under {@code importsDir}, newest first; unreadable ones are skipped. */
    static List<ImportManifest> manifestsIn(Path importsDir) throws IOException {
        List<ImportManifest> out = new ArrayList<>();
        if (!Files.isDirectory(importsDir)) {
            return out;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(importsDir, Files::isDirectory)) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve(ImportJournal.MANIFEST))) {
                    try {
                        out.add(ImportJournal.readManifest(folder));
                    } catch (RuntimeException e) {
                        LOG.warn("Ignoring unreadable import folder {}: {}", folder, e.getMessage());
                    }
                }
            }
        }
        out.sort(Comparator.comparing(ImportManifest::createdAt).reversed());
        return out;
    }

    /** The newest import that was interrupted ("running" after a kill, or cancelled). */
    public Optional<ImportManifest> resumable(Path file) throws IOException {
        Path wanted = file == null ? null : file.toAbsolutePath().normalize();
        for (ImportManifest manifest : imports()) {
            boolean sameFile = wanted == null || manifest.plan().file().toAbsolutePath().normalize().equals(wanted);
            boolean open = manifest.sendsTo(destination) && !manifest.state().equals("finished") && !manifest.state().equals("undone")
                    && !manifest.state().equals(UnfinishedImports.ABANDONED);
            if (sameFile && open) {
                return Optional.of(manifest);
            }
        }
        return Optional.empty();
    }

    /** The newest import of {@code file} into this destination that was not undone, finished or not. */
    public Optional<ImportManifest> latest(Path file) throws IOException {
        Path wanted = file.toAbsolutePath().normalize();
        for (ImportManifest manifest : imports()) {
            if (manifest.sendsTo(destination) && !manifest.state().equals("undone")
                    && manifest.plan().file().toAbsolutePath().normalize().equals(wanted)) {
                return Optional.of(manifest);
            }
        }
        return Optional.empty();
    }

    public Path folderOf(String id) {
        return importsDir.resolve(id);
    }
}
