package org.dialbook.api;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the RFC 3339 times the API sends ({@code 2026-11-30T21:12:33Z},
 * {@code 2026-11-30T21:12:33.123+05:30}). A 5000-item answer holds 10,000 of them, and
 * {@link OffsetDateTime#parse} spent about a third of the import's send thread on them; the common
 * shapes are read here by hand. Anything else (a lower-case 't', no seconds, an offset with seconds,
 * an impossible date) goes to {@link OffsetDateTime#parse}, so results and failures are exactly
 * its own; {@code Rfc3339PropertyTest} checks that.
 */
final class Rfc3339 {
    private static final int MIN_LENGTH = "2026-11-30T21:12:33Z".length();

    private Rfc3339() {
    }

    /**
     * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} would
     */
    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /** The value, or null when the text is not in a shape read here (the caller falls back). */
    private static OffsetDateTime fastPath(String s) {
        int length = s.length();
        if (length < MIN_LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(s.charAt(at))) {
                nanos = nanos * 10 + (s.charAt(at) - '0');
                at++;
            }
            int width = at - start;
            if (width == 0 || (at < length && isDigit(s.charAt(at)))) {
                return null;
            }
            for (int i = width; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (DateTimeException impossible) {
            // 2026-02-30 or 24:00: let OffsetDateTime.parse word the failure.
            return null;
        }
    }

    private static ZoneOffset offset(String s, int at) {
        int left = s.length() - at;
        if (left == 1 && s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (left != 6 || s.charAt(at + 3) != ':') {
            return null;
        }
        char sign = s.charAt(at);
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        try {
            int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The non-negative value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
