package org.dialbook.importer;

import java.util.concurrent.atomic.AtomicLongArray;

/** Thread-safe counts of outcomes during one pass. */
final class OutcomeCounter {
    private final AtomicLongArray counts = new AtomicLongArray(RowOutcome.values().length);

    void add(RowOutcome outcome) {
        counts.incrementAndGet(outcome.ordinal());
    }

    void add(RowOutcome outcome, long n) {
        counts.addAndGet(outcome.ordinal(), n);
    }

    long get(RowOutcome outcome) {
        return counts.get(outcome.ordinal());
    }

    long total() {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    ImportSummary summary(long rows) {
        long settled = total();
        return new ImportSummary(Math.max(rows, settled), get(RowOutcome.CREATED), get(RowOutcome.UPDATED),
                get(RowOutcome.SKIPPED), get(RowOutcome.INVALID), get(RowOutcome.FAILED), get(RowOutcome.UNKNOWN),
                Math.max(0, rows - settled));
    }
}
