package org.dialbook.ui.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Checks a typed number before it is sent and writes it in E.164, reading numbers without a
 * +prefix as numbers of the profile's default country.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The outcome: the E.164 form, or why the text is not a number. */
    public record Result(String e164, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    private PhoneNumbers() {
    }

    public static Result normalise(String text, String defaultCountry) {
        if (text == null || text.isBlank()) {
            return new Result(null, "The number is required");
        }
        String region = defaultCountry == null ? "IN" : defaultCountry.toUpperCase(Locale.ROOT);
        try {
            PhoneNumber parsed = UTIL.parse(text.trim(), region);
            if (!UTIL.isValidNumber(parsed)) {
                return new Result(null, "'" + text.trim() + "' is not a valid phone number"
                        + (text.trim().startsWith("+") ? "" : " for " + region) + "; write it like +919812345678");
            }
            return new Result(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), null);
        } catch (NumberParseException e) {
            return new Result(null, "'" + text.trim() + "' is not a phone number (" + e.getMessage()
                    + "); write it like +919812345678");
        }
    }
}
