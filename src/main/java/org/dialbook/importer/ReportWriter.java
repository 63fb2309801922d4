package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dialbook.contact.CsvRowWriter;
import org.dialbook.files.SafeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the result report: one line per input row with its row number, outcome, sid, detail, the
 * campaign list step's outcome (only when the import added its rows to a list) and original values. Built from the journal, keeping only each row's latest outcome (a retried row
 * appears once), sorted by row. (The fallback scan, for a journal with a line cut short by a kill,
 * sorts when it fits comfortably in memory, else keeps the order rows finished.)
 *
 * <p>The original values are personal data: the report is 0600, and every cell passes the formula
 * guard and every row gets the header's width, since users open it in a spreadsheet.
 */
public final class ReportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    static final int SORT_LIMIT = 100_000;

    private ReportWriter() {
    }

    /** Returns the number of rows written. */
    public static long write(ImportJournal journal, Path out) throws IOException {
        journal.flush();
        Path file = journal.journalFile();
        List<String> headers = journal.manifest().plan().headers();
        // In row order from an index of where each row's latest line is: 8 bytes a row held, each line
        // parsed once. A line cut short by a kill where the index points falls back to the full scan.
        JournalIndex index = JournalIndex.build(file);
        // The list step's outcome per row, when the import added its rows to a campaign list.
        Map<Long, String> listOutcomes = ImportListStep.read(journal.folder());
        boolean withList = !listOutcomes.isEmpty();
        AtomicLong written = new AtomicLong();
        try {
            SafeFiles.write(out, writer -> {
                CsvRowWriter csv = new CsvRowWriter(writer, header(headers, withList));
                index.forEachLatest(file, entry -> {
                    writeEntry(csv, entry, withList ? listOutcomes.getOrDefault(entry.row(), "") : null);
                    written.incrementAndGet();
                });
                csv.flush();
            });
            return written.get();
        } catch (JournalIndex.UnreadableLineException e) {
            LOG.info("Writing the report by scanning the whole journal: {}", e.getMessage());
            return writeByScanning(file, headers, listOutcomes, out);
        }
    }

    static List<String> header(List<String> headers, boolean withList) {
        List<String> head = new ArrayList<>(List.of("row", "outcome", "sid", "detail"));
        if (withList) {
            head.add("list");
        }
        head.addAll(headers);
        return head;
    }

    /** Two passes over the whole journal, keeping only each row's latest line; package-private for tests. */
    static long writeByScanning(Path file, List<String> headers, Map<Long, String> listOutcomes, Path out) throws IOException {
        // Pass 1: which line is each row's latest outcome? Only rows seen twice need remembering.
        BitSet seen = new BitSet();
        Map<Long, Long> latest = new HashMap<>();
        AtomicLong index = new AtomicLong();
        JournalState.forEachLine(file, json -> {
            if (json.get("k").getAsString().equals("row")) {
                long i = index.getAndIncrement();
                int row = Math.toIntExact(json.get("r").getAsLong());
                if (seen.get(row)) {
                    latest.put((long) row, i);
                } else {
                    seen.set(row);
                }
            }
        });
        boolean sort = index.get() <= SORT_LIMIT;
        List<JournalState.Entry> sorted = new ArrayList<>();
        boolean withList = !listOutcomes.isEmpty();
        AtomicLong written = new AtomicLong();
        SafeFiles.write(out, writer -> {
            CsvRowWriter csv = new CsvRowWriter(writer, header(headers, withList));
            AtomicLong second = new AtomicLong();
            JournalState.forEachLine(file, json -> {
                if (!json.get("k").getAsString().equals("row")) {
                    return;
                }
                long i = second.getAndIncrement();
                JournalState.Entry entry = JournalState.entry(json);
                Long last = latest.get(entry.row());
                if (last != null && last != i) {
                    return;
                }
                if (sort) {
                    sorted.add(entry);
                } else {
                    writeEntry(csv, entry, withList ? listOutcomes.getOrDefault(entry.row(), "") : null);
                    written.incrementAndGet();
                }
            });
            sorted.sort(Comparator.comparingLong(JournalState.Entry::row));
            for (JournalState.Entry entry : sorted) {
                writeEntry(csv, entry, withList ? listOutcomes.getOrDefault(entry.row(), "") : null);
                written.incrementAndGet();
            }
            csv.flush();
        });
        return written.get();
    }

    static void writeEntry(CsvRowWriter csv, JournalState.Entry entry, String listOutcome) {
        List<String> record = new ArrayList<>(4 + entry.values().size());
        record.add(Long.toString(entry.row()));
        record.add(entry.outcome().label());
        record.add(entry.sid() == null ? "" : entry.sid());
        record.add(entry.detail() == null ? "" : entry.detail());
        if (listOutcome != null) {
            record.add(listOutcome);
        }
        record.addAll(entry.values());
        csv.write(record);
    }
}
