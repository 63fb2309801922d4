package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an import by their latest outcome, read from its journal a page at a time: the
 * wizard's list of rows that were not created. Holds a bit a row per outcome and the index's 8 bytes
 * a row, never the rows themselves, so a 100,000-row import costs about a megabyte. Blocking; use it
 * off the FX thread.
 */
public final class ResultRows {

    /** One row as the report has it: why it ended as it did, and the values it had in the file. */
    public record Row(long row, RowOutcome outcome, String detail, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /**
     * @param offset how many matching rows come before this page
     * @param total how many rows match in all
     */
    public record Page(List<Row> rows, long offset, long total) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    private final Path journal;
    private final JournalIndex index;
    private final Map<RowOutcome, BitSet> rows = new EnumMap<>(RowOutcome.class);

    private ResultRows(Path journal, JournalState state, JournalIndex index) {
        this.journal = journal;
        this.index = index;
        for (RowOutcome outcome : RowOutcome.values()) {
            rows.put(outcome, state.rowsWith(outcome));
        }
    }

    /** Reads the journal of the import in {@code folder} (see {@link ImportRunner#folderOf(String)}). */
    public static ResultRows read(Path folder) throws IOException {
        Path file = folder.resolve(ImportJournal.JOURNAL);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IOException("The import's journal is gone from " + folder
                    + " (journals are kept for a while after an import, then cleared)");
        }
        return new ResultRows(file, JournalState.load(file), JournalIndex.build(file));
    }

    /** How many rows ended with this outcome. */
    public long count(RowOutcome outcome) {
        return rows.get(outcome).cardinality();
    }

    /** Up to {@code limit} rows whose outcome is one of {@code wanted}, in row order, skipping {@code offset}. */
    public Page page(Set<RowOutcome> wanted, long offset, int limit) throws IOException {
        BitSet matching = new BitSet();
        for (RowOutcome outcome : wanted) {
            matching.or(rows.get(outcome));
        }
        long total = matching.cardinality();
        List<Integer> picked = new ArrayList<>(limit);
        long skipped = 0;
        for (int row = matching.nextSetBit(0); row >= 0 && picked.size() < limit; row = matching.nextSetBit(row + 1)) {
            if (skipped < offset) {
                skipped++;
            } else {
                picked.add(row);
            }
        }
        List<Row> page = new ArrayList<>(picked.size());
        for (JournalState.Entry entry : index.latestOf(journal, picked.stream().mapToInt(Integer::intValue).toArray())) {
            page.add(new Row(entry.row(), entry.outcome(), entry.detail() == null ? "" : entry.detail(), entry.values()));
        }
        return new Page(page, offset, total);
    }
}
