package org.dialbook.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialbook.contact.CsvRowWriter;
import org.dialbook.files.SafeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of a new import, written on its own thread as rows settle, in row order, instead of
 * read back from the journal after the last answer (about a second of a 100,000-row CLI import,
 * with the server already idle). Rows settle out of order (the reader journals invalid and skipped
 * rows before the sender settles earlier ones), so the reader announces each row in file order and
 * a row is written once it and every row before it have settled. Anything unexpected (a row settled
 * twice, a row never settled, too many rows waiting, a write error) spoils it, and the report is then
 * written from the journal as before ({@link ReportWriter}). Same cells as {@link ReportWriter}.
 */
final class LiveReport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveReport.class);
    /** More settled rows than this waiting for an earlier row means something is off: stop holding them. */
    static final int MAX_WAITING = 50_000;
    private static final Message END = new Message(-1, null);

    /** A finished report: its file, its rows, and the journal's length it was written from. */
    record Done(Path file, long rows, long journalBytes) {
        /** True while the journal has not grown since: a later pass or an undo would change the report. */
        boolean matches(Path journal) throws IOException {
            return Files.isRegularFile(file) && Files.size(journal) == journalBytes;
        }

        void discard() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** A row announced by the reader ({@code entry == null}) or a row's outcome. */
    private record Message(long row, JournalState.Entry entry) {
    }

    private final Path file;
    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(16_384);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(ValidationPipeline.named("import-report"));
    private final Future<Long> written;
    private boolean finished;
    /** Set on the report thread once it took the end marker. */
    private boolean ended;

    private LiveReport(Path file, List<String> headers) {
        this.file = file;
        this.written = thread.submit(() -> writeAll(headers));
    }

    /** Starts a report for a new import into {@code folder}. */
    static LiveReport start(Path folder, List<String> headers) throws IOException {
        return new LiveReport(SafeFiles.createTemp(folder, ".report-", ".csv"), headers);
    }

    /** The reader hands on {@code row} (in file order); its outcome comes later. */
    void expect(long row) {
        put(new Message(row, null));
    }

    /** A row's outcome, as journalled. */
    void settled(long row, RowOutcome outcome, String sid, String detail, String[] values) {
        put(new Message(row, new JournalState.Entry(row, outcome, sid, detail, Arrays.asList(values))));
    }

    private void put(Message message) {
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendQueue.CancelledException();
        }
    }

    /**
     * Waits for the report thread; returns the finished report, or null when it is spoiled or the
     * pass did not settle every row it read (then the report comes from the journal).
     */
    Done finish(Path journal) throws IOException, InterruptedException {
        finished = true;
        queue.put(END);
        long rows;
        try {
            rows = written.get();
        } catch (ExecutionException e) {
            LOG.warn("The report written as rows settled is not used: {}", e.getCause().toString());
            rows = -1;
        } finally {
            thread.shutdown();
        }
        if (rows < 0) {
            Files.deleteIfExists(file);
            return null;
        }
        return new Done(file, rows, Files.size(journal));
    }

    /** Drops the report when the pass ended early (an exception); after {@link #finish} it does nothing. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            thread.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    /** The report thread: returns the rows written, or -1 when spoiled. Takes until the end, whatever happens. */
    private long writeAll(List<String> headers) throws InterruptedException {
        long rows;
        try (Writer out = Files.newBufferedWriter(file)) {
            CsvRowWriter csv = new CsvRowWriter(out, ReportWriter.header(headers, false));
            rows = writeInOrder(csv);
            csv.flush();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot write the report as rows settle ({}); it will be read from the journal", e.toString());
            rows = -1;
        }
        // After a write error, keep taking, so that the import never waits on a full queue.
        while (!ended) {
            ended = queue.take() == END;
        }
        return rows;
    }

    private long writeInOrder(CsvRowWriter csv) throws InterruptedException {
        ArrayDeque<Long> expected = new ArrayDeque<>();
        Map<Long, JournalState.Entry> waiting = new HashMap<>();
        BitSet done = new BitSet();
        boolean spoiled = false;
        long rows = 0;
        for (Message message = queue.take(); message != END; message = queue.take()) {
            if (spoiled) {
                continue;
            }
            if (message.entry() == null) {
                expected.add(message.row());
            } else if (done.get(Math.toIntExact(message.row())) || waiting.containsKey(message.row())
                    || waiting.size() >= MAX_WAITING) {
                LOG.info("Row {} settled twice or too far ahead; the report will be read from the journal",
                        message.row());
                spoiled = true;
                waiting.clear();
                continue;
            } else {
                waiting.put(message.row(), message.entry());
            }
            while (!expected.isEmpty() && waiting.containsKey(expected.peek())) {
                JournalState.Entry entry = waiting.remove(expected.poll());
                ReportWriter.writeEntry(csv, entry, null);
                done.set(Math.toIntExact(entry.row()));
                rows++;
            }
        }
        ended = true;
        return !spoiled && expected.isEmpty() && waiting.isEmpty() ? rows : -1;
    }
}
