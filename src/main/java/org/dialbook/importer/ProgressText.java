package org.dialbook.importer;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** Turns a progress snapshot into one line for people: "Importing: 1,234 of 20,000 rows · 850 rows/s · 12 s left". */
public final class ProgressText {
    private ProgressText() {
    }

    public static String describe(ImportProgress progress) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        numbers.setGroupingUsed(true);
        StringBuilder text = new StringBuilder(progress.phase().label()).append(": ")
                .append(numbers.format(progress.rowsDone()));
        if (progress.rowsTotal() > 0) {
            text.append(" of ").append(numbers.format(progress.rowsTotal()));
        }
        text.append(progress.phase() == ImportProgress.Phase.CHECKING_ACCOUNT ? " contacts" : " rows");
        if (progress.rowsPerSecond() > 0) {
            text.append(" · ").append(numbers.format(Math.round(progress.rowsPerSecond()))).append(" rows/s");
        }
        if (progress.eta() != null && progress.waiting() == null) {
            text.append(" · ").append(duration(progress.eta())).append(" left");
        }
        if (progress.waiting() != null) {
            // The wait comes first: it is why the numbers do not move.
            return progress.waiting().describe(ZoneId.systemDefault()) + " · " + text;
        }
        return text.toString();
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
