package org.dialbook.importer;

import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the delimiter among comma, semicolon, tab and pipe from a text sample: the one that splits
 * the most lines into the same number (greater than one) of fields, quotes respected.
 */
public final class DelimiterDetector {
    public static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_LINES = 200;

    private DelimiterDetector() {
    }

    public static char detect(String sample) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(sample, candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Consistency of field counts (0..1) weighted slightly by the count itself; 0 when never split. */
    static double score(String sample, char delimiter) {
        Map<Integer, Integer> frequency = new HashMap<>();
        int lines = 0;
        int fields = 1;
        boolean quoted = false;
        boolean lineHasContent = false;
        for (int i = 0; i < sample.length() && lines < MAX_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                lineHasContent = true;
            } else if (!quoted && c == delimiter) {
                fields++;
                lineHasContent = true;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (lineHasContent) {
                    frequency.merge(fields, 1, Integer::sum);
                    lines++;
                }
                fields = 1;
                lineHasContent = false;
            } else if (!Character.isWhitespace(c)) {
                lineHasContent = true;
            }
        }
        if (lineHasContent && lines < MAX_LINES && !quoted) {
            frequency.merge(fields, 1, Integer::sum);
            lines++;
        }
        int modeCount = 0;
        int modeFields = 1;
        for (Map.Entry<Integer, Integer> entry : frequency.entrySet()) {
            if (entry.getValue() > modeCount || (entry.getValue() == modeCount && entry.getKey() > modeFields)) {
                modeCount = entry.getValue();
                modeFields = entry.getKey();
            }
        }
        if (lines == 0 || modeFields < 2) {
            return 0;
        }
        return (double) modeCount / lines + Math.min(modeFields, 50) / 1000.0;
    }
}
