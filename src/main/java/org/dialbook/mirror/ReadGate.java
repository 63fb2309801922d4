package org.dialbook.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.Sleeper;

/**
 * The sync's share of the account's read budget: reads are spaced evenly so that the sync never
 * takes more than its share of a minute, and the user's own clicks never meet a 429. The budget is
 * the client's own ({@link ContactsClient#readsPerMinute()}: 300 a minute on Exotel's hosts, none on
 * the sandbox unless one is set), counted by the client's clock; every read the sync makes also goes
 * through the client's budget, so the two can never disagree about how much is left.
 */
public final class ReadGate {
    /** Exotel's published cap on GET requests a minute, per account (CONTRACT.md). */
    public static final int EXOTEL_READS_PER_MINUTE = ContactsClient.EXOTEL_READS_PER_MINUTE;
    /** The sync's default share of it, in percent. */
    public static final int DEFAULT_SHARE_PERCENT = 50;

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    private ReadGate(int perMinute, Clock clock, Sleeper sleeper) {
        this.interval = perMinute == 0 ? Duration.ZERO : Duration.ofNanos(60_000_000_000L / perMinute);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** No limit: the sandbox on this computer. */
    public static ReadGate unlimited() {
        return new ReadGate(0, Clock.systemUTC(), Sleeper.system());
    }

    /** At most {@code perMinute} reads a minute, evenly spaced; 0 means no limit. */
    public static ReadGate perMinute(int perMinute, Clock clock, Sleeper sleeper) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("reads a minute must be >= 0, got " + perMinute);
        }
        return new ReadGate(perMinute, clock, sleeper);
    }

    /**
     * {@code sharePercent}% of {@code client}'s read budget, on the client's clock; unlimited when the
     * client has no read budget (the sandbox on this computer).
     */
    public static ReadGate forClient(ContactsClient client, int sharePercent) {
        checkShare(sharePercent);
        int budget = client.readsPerMinute();
        if (budget == 0) {
            return unlimited();
        }
        return perMinute(Math.max(1, budget * sharePercent / 100), client.clock(), client.sleeper());
    }

    /** {@link #forClient} with the default share for what {@code api} talks to; unlimited when unknown. */
    public static ReadGate forApi(ContactsApi api) {
        return api instanceof ContactsClient client ? forClient(client, DEFAULT_SHARE_PERCENT) : unlimited();
    }

    private static void checkShare(int sharePercent) {
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("the sync's share of the read budget must be 1 to 100 %, got "
                    + sharePercent);
        }
    }

    public boolean limited() {
        return !interval.isZero();
    }

    /** Waits until the next read fits in the budget. */
    public synchronized void acquire() throws InterruptedException {
        if (interval.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (nextFree != null && nextFree.isAfter(now)) {
            sleeper.sleep(Duration.between(now, nextFree));
            now = nextFree;
        }
        nextFree = now.plus(interval);
    }
}
