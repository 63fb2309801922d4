package org.dialbook.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.dialbook.api.WaitStatus;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportProgress;
import org.dialbook.importer.ProgressText;

/**
 * Progress for a log rather than a terminal: when stderr is not a terminal a bar cannot redraw, but a
 * script's log must still show why nothing moves. Prints a line when a wait begins (retrying,
 * waiting for the rate limit, paused by an outage) and at least once a minute while the job runs.
 */
final class ProgressLines implements ImportListener {
    static final Duration EVERY = Duration.ofMinutes(1);

    private final PrintWriter err;
    private final Clock clock;
    private Instant lastLine;
    private WaitStatus.Kind lastWait;

    ProgressLines(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    @Override
    public synchronized void progress(ImportProgress progress) {
        Instant now = clock.instant();
        WaitStatus.Kind wait = progress.waiting() == null ? null : progress.waiting().kind();
        boolean newWait = wait != null && wait != lastWait;
        boolean due = lastLine == null || !now.isBefore(lastLine.plus(EVERY));
        lastWait = wait;
        if (!newWait && !due) {
            return;
        }
        lastLine = now;
        synchronized (err) {
            err.println(ProgressText.describe(progress));
            err.flush();
        }
    }
}
