package org.dialbook.importer;

import java.time.Duration;
import org.dialbook.api.WaitStatus;

/**
 * A snapshot of a running job.
 *
 * @param rowsTotal the number of rows when known (after a preview), else an estimate from bytes read;
 *     0 when nothing is known yet
 * @param rowsPerSecond rows finished per second since the job started
 * @param eta the remaining time at the current rate, or null when unknown
 * @param waiting why nothing moves right now (a retry, the rate limit, an outage), or null
 */
public record ImportProgress(Phase phase, long rowsDone, long rowsTotal, long bytesRead, long bytesTotal,
        ImportSummary counts, double rowsPerSecond, Duration eta, WaitStatus waiting) {

    public ImportProgress(Phase phase, long rowsDone, long rowsTotal, long bytesRead, long bytesTotal,
            ImportSummary counts, double rowsPerSecond, Duration eta) {
        this(phase, rowsDone, rowsTotal, bytesRead, bytesTotal, counts, rowsPerSecond, eta, null);
    }

    /** This snapshot, saying why the job waits. */
    public ImportProgress withWaiting(WaitStatus status) {
        return new ImportProgress(phase, rowsDone, rowsTotal, bytesRead, bytesTotal, counts, rowsPerSecond, eta, status);
    }

    /** What the job is doing. */
    public enum Phase {
        CHECKING_ACCOUNT("Reading the account's existing numbers"),
        RECONCILING("Checking the account for contacts whose answer was lost"),
        VALIDATING("Validating"),
        SENDING("Importing"),
        UNDOING("Deleting imported contacts"),
        DONE("Done");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 0..1, or -1 when unknown. */
    public double fraction() {
        if (rowsTotal > 0) {
            return Math.min(1.0, (double) rowsDone / rowsTotal);
        }
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesRead / bytesTotal);
        }
        return -1;
    }
}
