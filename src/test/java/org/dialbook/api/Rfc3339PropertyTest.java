package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written RFC 3339 reader gives exactly what {@link OffsetDateTime#parse} gives: the same
 * value, or a {@link DateTimeParseException} where it throws one, over well-formed times, impossible
 * dates, odd widths and offsets, and corrupted text.
 */
class Rfc3339PropertyTest {

    @Property(tries = 5000)
    void agreesWithOffsetDateTimeParse(@ForAll("times") String text) {
        assertSameAsJdk(text);
    }

    @Property(tries = 3000)
    void agreesOnCorruptedText(@ForAll("times") String text, @ForAll("positions") int position,
            @ForAll("noise") char noise) {
        int at = position % (text.length() + 1);
        assertSameAsJdk(text.substring(0, at) + noise + text.substring(Math.min(text.length(), at + 1)));
        assertSameAsJdk(text.substring(0, at));
    }

    @Example
    void readsTheShapesTheServerSends() {
        assertThat(Rfc3339.parse("2026-11-30T21:12:33Z")).isEqualTo(OffsetDateTime.parse("2026-11-30T21:12:33Z"));
        assertThat(Rfc3339.parse("2026-11-30T21:12:33.120+05:30"))
                .isEqualTo(OffsetDateTime.parse("2026-11-30T21:12:33.120+05:30"));
        assertThatThrownBy(() -> Rfc3339.parse("2026-02-30T21:12:33Z")).isInstanceOf(DateTimeParseException.class);
    }

    private static void assertSameAsJdk(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Rfc3339.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        OffsetDateTime actual = Rfc3339.parse(text);
        assertThat(actual).as(text).isEqualTo(expected);
        assertThat(actual.getOffset()).as(text).isEqualTo(expected.getOffset());
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> date = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.integers().between(1970, 2100), Arbitraries.integers().between(0, 9999)),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 25),
                Arbitraries.integers().between(0, 61), Arbitraries.integers().between(0, 61))
                .as((h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
        Arbitrary<String> shortTime = Combinators.combine(Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59)).as((h, m) -> String.format("%02d:%02d", h, m));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(digits -> "." + digits));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00", "+05:30", "+0530",
                "+05", "+05:30:15", "", "+18:00", "-18:00", "+18:01", "+19:00", "UTC"),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 61)).as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        return Combinators.combine(date, separator, Arbitraries.oneOf(time, time, time, shortTime), fraction, offset)
                .as((d, sep, t, f, o) -> d + sep + t + f + o);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 40);
    }

    @Provide
    Arbitrary<Character> noise() {
        return Arbitraries.of('0', '9', '-', '+', ':', '.', 'T', 'Z', 'x', ' ', '\u0661');
    }
}
