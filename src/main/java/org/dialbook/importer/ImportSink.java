package org.dialbook.importer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The import's side of the pipeline, on the reading thread: journals invalid and skipped rows,
 * leaves rows settled by an earlier pass alone, and fills batches for the sender.
 */
final class ImportSink implements RowSink {
    private final ImportJournal journal;
    private final OutcomeCounter counter;
    private final BitSet done;
    private final Map<Long, String> reconciled;
    private final SendQueue queue;
    private final int batchSize;
    /** Told each row in file order, for a report written as rows settle; null when none. */
    private final LiveReport live;
    private List<ValidatedRow> creates;
    private List<ValidatedRow> updates;
    private List<String> updateSids;

    ImportSink(ImportJournal journal, OutcomeCounter counter, BitSet done, Map<Long, String> reconciled,
            SendQueue queue, int batchSize, LiveReport live) {
        this.journal = journal;
        this.counter = counter;
        this.done = done;
        this.reconciled = reconciled;
        this.queue = queue;
        this.batchSize = batchSize;
        this.live = live;
        this.creates = new ArrayList<>(batchSize);
        this.updates = new ArrayList<>();
        this.updateSids = new ArrayList<>();
    }

    /** Every row the reader hands on comes here first, once, in file order. */
    private void announce(ValidatedRow row) {
        if (live != null) {
            live.expect(row.row());
        }
    }

    private boolean isDone(ValidatedRow row) {
        return done.get(Math.toIntExact(row.row()));
    }

    @Override
    public void invalid(ValidatedRow row) {
        announce(row);
        if (!isDone(row)) {
            journal.outcome(row.row(), RowOutcome.INVALID, null, row.problem(), row.values());
            counter.add(RowOutcome.INVALID);
        }
    }

    /**
     * A row whose earlier request did create it, as the account check found. On resume its number is
     * now "in the account", so this must win over the duplicate decision.
     */
    private boolean settledByReconciliation(ValidatedRow row) {
        String sid = reconciled.get(row.row());
        if (sid == null) {
            return false;
        }
        journal.outcome(row.row(), RowOutcome.CREATED, sid,
                "created; confirmed in the account after the import was interrupted", row.values());
        counter.add(RowOutcome.CREATED);
        return true;
    }

    @Override
    public void skipped(ValidatedRow row, String reason) {
        skippedExisting(row, reason, null);
    }

    /** The existing contact's sid is journalled, so the list step can add that contact. */
    @Override
    public void skippedExisting(ValidatedRow row, String reason, String existingSid) {
        announce(row);
        if (!isDone(row) && !settledByReconciliation(row)) {
            journal.outcome(row.row(), RowOutcome.SKIPPED, existingSid, reason, row.values());
            counter.add(RowOutcome.SKIPPED);
        }
    }

    @Override
    public void create(ValidatedRow row) {
        announce(row);
        if (isDone(row) || settledByReconciliation(row)) {
            return;
        }
        creates.add(row);
        if (creates.size() >= batchSize) {
            queue.put(SendQueue.Work.creates(creates));
            creates = new ArrayList<>(batchSize);
        }
    }

    @Override
    public void update(ValidatedRow row, String sid) {
        announce(row);
        if (isDone(row) || settledByReconciliation(row)) {
            return;
        }
        updates.add(row);
        updateSids.add(sid);
        if (updates.size() >= batchSize) {
            queue.put(SendQueue.Work.updates(updates, updateSids));
            updates = new ArrayList<>();
            updateSids = new ArrayList<>();
        }
    }

    /** Hands over the last, partly filled batches. */
    void flush() {
        if (!creates.isEmpty()) {
            queue.put(SendQueue.Work.creates(creates));
            creates = new ArrayList<>();
        }
        if (!updates.isEmpty()) {
            queue.put(SendQueue.Work.updates(updates, updateSids));
            updates = new ArrayList<>();
            updateSids = new ArrayList<>();
        }
        journal.flush();
    }
}
