package org.dialbook.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.Sleeper;

/**
 * The sync's share of the account's read budget: reads are spaced evenly so that the sync never
 * takes more than its share of a minute, and the user's own clicks never meet a 429. A small gate of
 * the mirror's own until the client offers per-account budgets.
 */
public final class ReadGate {
    /** Exotel's published cap on GET requests a minute, per account (CONTRACT.md). */
    public static final int EXOTEL_READS_PER_MINUTE = 300;
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
     * The default for a connection: unlimited on a loopback host (the sandbox), else
     * {@code sharePercent}% of Exotel's 300 reads a minute.
     */
    public static ReadGate forConnection(ConnectionSettings settings, int sharePercent) {
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("the sync's share of the read budget must be 1 to 100 %, got "
                    + sharePercent);
        }
        String host = settings.baseUrl().getHost().replace("[", "").replace("]", "");
        if (ConnectionSettings.isLoopback(host)) {
            return unlimited();
        }
        return perMinute(Math.max(1, EXOTEL_READS_PER_MINUTE * sharePercent / 100), Clock.systemUTC(),
                Sleeper.system());
    }

    /** {@link #forConnection} with the default share for what {@code api} talks to; unlimited when unknown. */
    public static ReadGate forApi(ContactsApi api) {
        return api instanceof ContactsClient client ? forConnection(client.settings(), DEFAULT_SHARE_PERCENT)
                : unlimited();
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
