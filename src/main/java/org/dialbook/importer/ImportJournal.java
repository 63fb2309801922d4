package org.dialbook.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dialbook.files.SafeFiles;

/**
 * The append-only record of one import: which rows went into which request (written and flushed
 * before the request is sent) and every row's outcome. After a kill, the journal tells which rows
 * are settled and which requests need checking against the account, so nothing is lost or
 * duplicated. One JSON object per line.
 */
public final class ImportJournal implements Closeable {
    static final String MANIFEST = "manifest.json";
    static final String JOURNAL = "journal.jsonl";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Path folder;
    private final BufferedWriter out;
    private ImportManifest manifest;
    private long nextBatch;
    /** Every row's latest outcome, kept as lines are written, so a pass never reads the journal back. */
    private final JournalState outcomes;
    /** Where outcomes also go as they are written, for a new import's report; null when none. */
    private LiveReport live;

    private ImportJournal(Path folder, ImportManifest manifest, long nextBatch, JournalState outcomes)
            throws IOException {
        this.folder = folder;
        this.manifest = manifest;
        this.nextBatch = nextBatch;
        this.outcomes = outcomes;
        // Every row's values go here: readable by the user only.
        this.out = new BufferedWriter(SafeFiles.openPrivateAppend(folder.resolve(JOURNAL)));
    }

    static ImportJournal create(Path folder, ImportManifest manifest) throws IOException {
        Files.createDirectories(folder);
        writeManifest(folder, manifest);
        return new ImportJournal(folder, manifest, 1, JournalState.empty());
    }

    /** Opens a journal to append to, for work that does not ask for {@link #outcomes()}. */
    static ImportJournal open(Path folder, long nextBatch) throws IOException {
        return new ImportJournal(folder, readManifest(folder), nextBatch, null);
    }

    /** Opens a journal to append to; {@code state} is what it holds so far, as loaded. */
    static ImportJournal open(Path folder, JournalState state) throws IOException {
        return new ImportJournal(folder, readManifest(folder), state.maxBatch() + 1, state.copy());
    }

    /**
     * Every row's latest outcome: as loaded when opened, plus every outcome written since.
     *
     * @throws IllegalStateException when opened without a state
     */
    synchronized JournalState outcomes() {
        if (outcomes == null) {
            throw new IllegalStateException("this journal was opened without its state");
        }
        return outcomes.copy();
    }

    static ImportManifest readManifest(Path folder) throws IOException {
        return ImportManifest.fromJson(Files.readString(folder.resolve(MANIFEST), StandardCharsets.UTF_8));
    }

    static void writeManifest(Path folder, ImportManifest manifest) throws IOException {
        SafeFiles.writeString(folder.resolve(MANIFEST), manifest.toJson());
    }

    public Path folder() {
        return folder;
    }

    Path journalFile() {
        return folder.resolve(JOURNAL);
    }

    public synchronized ImportManifest manifest() {
        return manifest;
    }

    synchronized void updateManifest(ImportManifest next) throws IOException {
        writeManifest(folder, next);
        manifest = next;
    }

    /** Records which rows a request carries; flushed before the request leaves. */
    synchronized long batchStarted(String op, Instant at, List<ValidatedRow> rows) {
        long id = nextBatch++;
        StringBuilder line = new StringBuilder(32 + rows.size() * 24);
        line.append("{\"k\":\"batch\",\"id\":").append(id).append(",\"op\":\"").append(op)
                .append("\",\"at\":").append(at.toEpochMilli()).append(",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            line.append(i == 0 ? "" : ",").append(rows.get(i).row());
        }
        line.append("],\"keys\":[");
        for (int i = 0; i < rows.size(); i++) {
            line.append(i == 0 ? "" : ",").append(rows.get(i).numberKey());
        }
        line.append("]}");
        write(line);
        flush();
        return id;
    }

    /** Hands every outcome written from now on to {@code report} too (null: none). */
    synchronized void reportTo(LiveReport report) {
        this.live = report;
    }

    synchronized void outcome(long row, RowOutcome outcome, String sid, String detail, String[] values) {
        StringBuilder line = new StringBuilder(64);
        line.append("{\"k\":\"row\",\"r\":").append(row).append(",\"o\":\"").append(outcome.name()).append('"');
        if (sid != null) {
            line.append(",\"sid\":");
            quote(line, sid);
        }
        if (detail != null) {
            line.append(",\"d\":");
            quote(line, detail);
        }
        line.append(",\"v\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            quote(line, values[i]);
        }
        line.append("]}");
        write(line);
        if (outcomes != null) {
            outcomes.settle(row, outcome);
        }
        if (live != null) {
            live.settled(row, outcome, sid, detail, values);
        }
    }

    synchronized void undone(String sid, String detail) {
        StringBuilder line = new StringBuilder("{\"k\":\"undo\",\"sid\":");
        quote(line, sid);
        if (detail != null) {
            line.append(",\"d\":");
            quote(line, detail);
        }
        line.append('}');
        write(line);
    }

    synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import journal in " + folder, e);
        }
    }

    private void write(CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import journal in " + folder, e);
        }
    }

    static void quote(StringBuilder out, String value) {
        out.append('"');
        // Most values need no escaping: copy them in one go, and escape from the first that does.
        int clean = 0;
        int length = value.length();
        while (clean < length && !needsEscape(value.charAt(clean))) {
            clean++;
        }
        out.append(value, 0, clean);
        for (int i = clean; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
