package org.dialbook.importer;

import java.time.Clock;
import java.time.Duration;

/** Rate and ETA from rows done over elapsed time, with an injectable clock for tests. */
final class ProgressMeter {
    private final Clock clock;
    private final long startMillis;
    private final long startRows;
    private long lastReport;

    ProgressMeter(Clock clock, long rowsAlreadyDone) {
        this.clock = clock;
        this.startMillis = clock.millis();
        this.startRows = rowsAlreadyDone;
        this.lastReport = Long.MIN_VALUE;
    }

    /** True at most every 100 ms, so listeners are not flooded. */
    synchronized boolean due() {
        long now = clock.millis();
        if (now - lastReport >= 100) {
            lastReport = now;
            return true;
        }
        return false;
    }

    double rate(long rowsDone) {
        long elapsed = clock.millis() - startMillis;
        return elapsed <= 0 ? 0 : (rowsDone - startRows) * 1000.0 / elapsed;
    }

    Duration eta(long rowsDone, long rowsTotal) {
        double rate = rate(rowsDone);
        if (rate <= 0 || rowsTotal <= 0 || rowsDone > rowsTotal) {
            return null;
        }
        return Duration.ofMillis((long) ((rowsTotal - rowsDone) * 1000.0 / rate));
    }
}
