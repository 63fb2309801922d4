package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dialbook.api.Contact;
import org.junit.jupiter.api.Test;

class ContactValuesTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-26T09:16:05Z");

    @Test
    void tableShowsACompactLocalDateWithTheMonthSpelledOut() {
        assertThat(ContactValues.dateTime(CREATED, ZoneId.of("Asia/Kolkata"))).isEqualTo("26 Nov 2026 14:46");
        assertThat(ContactValues.dateTime(CREATED, ZoneId.of("UTC"))).isEqualTo("26 Nov 2026 09:16");
        assertThat(ContactValues.dateTime(null, ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void tooltipAndCopyKeepTheExactIsoTimestamp() {
        assertThat(ContactValues.isoDateTime(CREATED)).isEqualTo("2026-11-26T09:16:05Z");
        assertThat(ContactValues.isoDateTime(null)).isEmpty();

        Contact contact = new Contact("c".repeat(32), "+919812345678", "Asha", null, null, null, null, null,
                CREATED, CREATED.plusHours(1), "sandbox", "/x", null);
        String copied = RowsText.format(List.of(contact), false).split("\n")[1];
        assertThat(copied.split("\t", -1)).contains("2026-11-26T09:16:05Z", "2026-11-26T10:16:05Z");
    }

    @Test
    void customFieldsReadAsKeyColonValue() {
        com.google.gson.JsonObject custom = new com.google.gson.JsonObject();
        custom.addProperty("city", "Pune");
        custom.addProperty("tier", "gold");
        custom.addProperty("visits", 3);
        assertThat(ContactValues.customFieldsText(custom)).isEqualTo("city: Pune · tier: gold · visits: 3");
        assertThat(ContactValues.customFieldsText(null)).isEmpty();
    }
}
