package org.dialbook.ui.common;

import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.WaitListener;
import org.dialbook.api.WaitStatus;

/**
 * A job's progress that also hears the client's waits: while a call waits (a retry, the rate
 * budget, an outage) the job's line says why ("Waiting for Exotel's rate limit; sending again in
 * 40 s · Updated 5,000 of 20,000"), at the last count, instead of standing still. The next real
 * update replaces it. FX-free: it only forwards to the progress it wraps.
 */
final class WaitingProgress implements Progress, WaitListener {
    private final Progress target;
    private final BooleanSupplier alsoCancelled;
    private final ZoneId zone;
    private long done = -1;
    private long total = -1;
    private String message = "";

    WaitingProgress(Progress target, BooleanSupplier alsoCancelled, ZoneId zone) {
        this.target = target;
        this.alsoCancelled = alsoCancelled;
        this.zone = zone;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        this.done = done;
        this.total = total;
        this.message = message == null ? "" : message;
        target.update(done, total, message);
    }

    @Override
    public boolean isCancelled() {
        return target.isCancelled() || alsoCancelled.getAsBoolean();
    }

    @Override
    public synchronized void waiting(WaitStatus status) {
        String why = status.describe(zone);
        target.update(done, total, message.isEmpty() ? why : why + " · " + message);
    }

    /** Cancel ends a wait at once: the client gives up the call instead of sleeping on. */
    @Override
    public boolean cancelled() {
        return isCancelled();
    }

    /** A job rides out an outage; a single click does not (the client's own setting applies there). */
    @Override
    public Duration outagePatience() {
        return ContactsClient.JOB_OUTAGE_PATIENCE;
    }
}
