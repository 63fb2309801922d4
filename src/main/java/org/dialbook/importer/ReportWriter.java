package org.dialbook.importer;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the result report: one line per input row with its row number, outcome, sid, detail and
 * original values. Built from the journal, keeping only each row's latest outcome (a retried row
 * appears once). Sorted by row when it fits comfortably in memory, else in the order rows finished.
 */
public final class ReportWriter {
    static final int SORT_LIMIT = 100_000;

    private ReportWriter() {
    }

    /** Returns the number of rows written. */
    public static long write(ImportJournal journal, Path out) throws IOException {
        journal.flush();
        Path file = journal.journalFile();
        List<String> headers = journal.manifest().plan().headers();
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
        // The list step's outcome per row, when the import added its rows to a campaign list.
        Map<Long, String> listOutcomes = ImportListStep.read(journal.folder());
        boolean withList = !listOutcomes.isEmpty();
        AtomicLong written = new AtomicLong();
        try (CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8)) {
            List<String> head = new ArrayList<>(List.of("row", "outcome", "sid", "detail"));
            if (withList) {
                head.add("list");
            }
            headers.forEach(head::add);
            csv.writeRecord(head);
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
        }
        return written.get();
    }

    private static void writeEntry(CsvWriter csv, JournalState.Entry entry, String listOutcome) {
        List<String> record = new ArrayList<>(4 + entry.values().size());
        record.add(Long.toString(entry.row()));
        record.add(entry.outcome().label());
        record.add(entry.sid() == null ? "" : entry.sid());
        record.add(entry.detail() == null ? "" : entry.detail());
        if (listOutcome != null) {
            record.add(listOutcome);
        }
        record.addAll(entry.values());
        csv.writeRecord(record);
    }
}
