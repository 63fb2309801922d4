package org.dialbook.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.dialbook.api.WaitListener;
import org.dialbook.api.WaitStatus;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportProgress;
import org.dialbook.importer.ProgressText;

/**
 * Progress for a log rather than a terminal: when stderr is not a terminal a bar cannot redraw, but a
 * script's log must still show why nothing moves. Prints a line when a wait begins (retrying,
 * waiting for the rate limit, paused by an outage) and at least once a minute while the job runs.
 */
final class ProgressLines implements ImportListener, WaitListener {
    static final Duration EVERY = Duration.ofMinutes(1);

    private final PrintWriter err;
    private final Clock clock;
    private Instant lastLine;
    private WaitStatus.Kind lastWait;

    ProgressLines(PrintWriter err, Clock clock) {
        this.err = err;
        this.clock = clock;
    }

    /** For jobs without row progress (export): each new kind of wait, and then a line a minute. */
    @Override
    public synchronized void waiting(WaitStatus status) {
        Instant now = clock.instant();
        boolean newWait = status.kind() != lastWait;
        lastWait = status.kind();
        if (newWait || lastLine == null || !now.isBefore(lastLine.plus(EVERY))) {
            lastLine = now;
            synchronized (err) {
                err.println(status.describe(ZoneId.systemDefault()));
                err.flush();
            }
        }
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
