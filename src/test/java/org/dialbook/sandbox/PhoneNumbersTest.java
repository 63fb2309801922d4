package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The number rule, and the fast path agreeing with libphonenumber's full parse. */
class PhoneNumbersTest {
    private static final int[] COUNTRY_CODES = {91, 65, 1, 44, 7, 49, 39, 61, 971, 880, 86, 800};

    @Test
    void acceptsE164AndStdLandlinesOnly() {
        assertThat(PhoneNumbers.isValid("+919101234510")).isTrue();
        assertThat(PhoneNumbers.isValid("+6591234567")).isTrue();
        assertThat(PhoneNumbers.isValid("+14155552671")).isTrue();
        assertThat(PhoneNumbers.isValid("08012345678")).isTrue();
        assertThat(PhoneNumbers.isValid("+9109101234510")).as("national prefix after +91, as parse allows").isTrue();
        assertThat(PhoneNumbers.isValid("+91910XXXXX10")).isFalse();
        assertThat(PhoneNumbers.isValid("+91 91012 34510")).isFalse();
        assertThat(PhoneNumbers.isValid("9101234510")).isFalse();
        assertThat(PhoneNumbers.isValid("+0919101234510")).isFalse();
        assertThat(PhoneNumbers.isValid("+9")).isFalse();
        assertThat(PhoneNumbers.isValid("0801234567")).isFalse();
        assertThat(PhoneNumbers.isValid(null)).isFalse();
    }

    @Property(tries = 3000)
    void fastPathNeverAcceptsWhatTheFullParseRejects(@ForAll @IntRange(min = 0, max = 11) int country,
            @ForAll @LongRange(min = 1, max = 99_999_999_999L) long national) {
        String number = "+" + COUNTRY_CODES[country] + national;
        boolean parsed = fullParseSaysValid(number);
        if (PhoneNumbers.validWithoutParsing(number)) {
            assertThat(parsed).as(number).isTrue();
        }
        assertThat(PhoneNumbers.isValid(number)).as(number).isEqualTo(parsed);
    }

    private static boolean fullParseSaysValid(String number) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
