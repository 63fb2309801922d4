package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.dialbook.api.HandClocks;
import org.dialbook.api.WaitStatus;
import org.dialbook.importer.ImportProgress;
import org.dialbook.importer.ImportSummary;
import org.junit.jupiter.api.Test;

/** When stderr is a log, not a terminal: a line when a wait begins, and at least one a minute. */
class ProgressLinesTest {
    private final HandClocks.Time time = HandClocks.time();
    private final StringWriter text = new StringWriter();
    private final ProgressLines lines = new ProgressLines(new PrintWriter(text), time);

    private ImportProgress sending(long done) {
        return new ImportProgress(ImportProgress.Phase.SENDING, done, 1000, 0, 0, ImportSummary.EMPTY, 10, null);
    }

    @Test
    void aLineWhenAWaitBeginsAndAtLeastOneAMinuteWhileNothingMoves() {
        lines.progress(sending(0));
        lines.progress(sending(10));
        WaitStatus outage = new WaitStatus(WaitStatus.Kind.OUTAGE, Instant.parse("2026-01-01T14:02:00Z"),
                Duration.ofSeconds(40), null);
        lines.progress(sending(10).withWaiting(outage));
        time.advance(Duration.ofSeconds(40));
        lines.progress(sending(10).withWaiting(outage));
        time.advance(Duration.ofSeconds(30));
        lines.progress(sending(10).withWaiting(outage));

        String[] printed = text.toString().split("\n");
        assertThat(printed).hasSize(3);
        assertThat(printed[0]).startsWith("Importing: 0 of 1,000 rows");
        assertThat(printed[1]).matches("Exotel unreachable since \\d\\d:02; trying again in 40 s · Importing: 10 of "
                + "1,000 rows.*");
        assertThat(printed[2]).startsWith("Exotel unreachable since");
    }
}
