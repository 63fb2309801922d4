package org.dialbook.mirror;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a pass over the account has come.
 *
 * @param done contacts read so far
 * @param total the account's total, as the last page said
 * @param left the estimate from this run's pace, or null before there is one
 */
public record SyncProgress(long done, long total, Duration left) {

    public Optional<Duration> eta() {
        return Optional.ofNullable(left);
    }

    /** "Indexing your contacts: 45,000 of 100,000, about 9 min left". */
    public String describe() {
        String text = String.format(Locale.ROOT, "Indexing your contacts: %,d of %,d", done, Math.max(done, total));
        return left == null ? text : text + ", " + leftText(left);
    }

    static String leftText(Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return "less than a minute left";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        return "about " + minutes / 60 + " h " + minutes % 60 + " min left";
    }
}
