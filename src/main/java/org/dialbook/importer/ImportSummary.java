package org.dialbook.importer;

/**
 * Counts of row outcomes. {@code pending} rows were read but have no outcome yet (the job was
 * cancelled or stopped); resuming finishes them.
 */
public record ImportSummary(long rows, long created, long updated, long skipped, long invalid, long failed,
        long unknown, long pending) {

    public static final ImportSummary EMPTY = new ImportSummary(0, 0, 0, 0, 0, 0, 0, 0);

    public long settled() {
        return created + updated + skipped + invalid + failed + unknown;
    }

    /** True when a row needs attention: failed, unknown or not done. */
    public boolean hasProblems() {
        return failed > 0 || unknown > 0 || pending > 0;
    }

    public String oneLine() {
        return rows + " rows: " + created + " created, " + updated + " updated, " + skipped + " skipped, " + invalid
                + " invalid, " + failed + " failed, " + unknown + " unknown" + (pending > 0 ? ", " + pending
                + " not done" : "");
    }
}
