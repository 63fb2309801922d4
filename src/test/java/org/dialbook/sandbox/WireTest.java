package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Timestamps are RFC 3339 in UTC and parse back to the same instant. */
class WireTest {

    @Test
    void formatsMicrosecondsInUtc() {
        assertThat(Wire.timestamp(0)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(Wire.timestamp(1_621_777_890_151_016L)).isEqualTo("2021-05-23T13:51:30.151016Z");
    }

    @Property(tries = 500)
    void roundTrips(@ForAll @LongRange(min = 0, max = 253_402_300_799_999_999L) long micros) {
        Instant instant = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        assertThat(OffsetDateTime.parse(Wire.timestamp(micros)).toInstant()).isEqualTo(instant);
    }
}
