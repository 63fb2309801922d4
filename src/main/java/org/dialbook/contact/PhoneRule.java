package org.dialbook.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one phone rule: turns what people and spreadsheets write into E.164 with libphonenumber and a
 * default country, and repairs Excel damage only where the repair is unambiguous. The import, the
 * contact dialog, inline and bulk edit and the CLI all call it, so a number gets the same verdict
 * everywhere. Thread-safe.
 *
 * <p>{@link #keyOf} gives the one duplicate key per number: the E.164 digits as a long. An account
 * may store a landline the way the vendor page writes it, with its STD prefix ({@code 08012345678});
 * that is read in the default country, so it has the same key as {@code +918012345678}.
 */
public final class PhoneRule {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d+");
    private static final Pattern FLOAT_ZERO = Pattern.compile("\\+?\\d{6,}\\.0+");

    private final String region;
    private final int countryCode;

    /** @param defaultCountry an ISO 3166 two-letter code such as "IN" */
    public PhoneRule(String defaultCountry) {
        String code = defaultCountry == null ? "" : defaultCountry.strip().toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(code)) {
            throw new IllegalArgumentException("unknown country '" + defaultCountry
                    + "': use a two-letter code such as IN, SG, US or GB");
        }
        this.region = code;
        this.countryCode = UTIL.getCountryCodeForRegion(code);
    }

    /** Whether {@code country} is a two-letter code libphonenumber knows. */
    public static boolean isSupportedCountry(String country) {
        return country != null && UTIL.getSupportedRegions().contains(country.strip().toUpperCase(Locale.ROOT));
    }

    public String region() {
        return region;
    }

    /** A rule for {@code defaultCountry}, or for India (the vendor's home) when that is blank or unknown. */
    public static PhoneRule forCountryOrIndia(String defaultCountry) {
        return new PhoneRule(isSupportedCountry(defaultCountry) ? defaultCountry : "IN");
    }

    /**
     * The duplicate key of a number as stored or typed: its E.164 digits as a long, or 0 when it is
     * not a valid number. {@code +918012345678} and {@code 08012345678} (in India) get the same key.
     */
    public long keyOf(String number) {
        long fast = e164Key(number);
        if (fast != 0) {
            return fast;
        }
        PhoneResult result = normalise(number);
        return result.isValid() ? result.key() : 0;
    }

    /** The digits of a plain E.164 string ({@code +} then 2 to 15 digits) as a long; 0 for anything else. */
    static long e164Key(String number) {
        if (number == null || number.length() < 3 || number.length() > 16 || number.charAt(0) != '+'
                || number.charAt(1) == '0') {
            return 0;
        }
        for (int i = 1; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        return Long.parseLong(number, 1, number.length(), 10);
    }

    /** The number in E.164, or why there is none; never throws. */
    public PhoneResult normalise(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return PhoneResult.invalid("the number is empty");
        }
        String control = ControlCharacters.problem(value);
        if (control != null) {
            return PhoneResult.invalid("the number " + control);
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            return PhoneResult.invalid("'" + value + "' is in scientific notation: Excel turned the number into a "
                    + "rounded value and its last digits are lost; format the column as Text in Excel and export again");
        }
        if (FLOAT_ZERO.matcher(value).matches()) {
            // "919101234510.0": a spreadsheet wrote the number as a decimal; the digits are intact.
            value = value.substring(0, value.indexOf('.'));
        }
        String cleaned = strip(value);
        if (cleaned == null) {
            return PhoneResult.invalid("'" + value + "' contains characters that are not part of a phone number");
        }
        if (cleaned.isEmpty() || cleaned.equals("+")) {
            return PhoneResult.invalid("'" + value + "' has no digits");
        }
        if (cleaned.startsWith("+")) {
            return parse(cleaned, "ZZ", value, null);
        }
        PhoneResult national = parse(cleaned, region, value, null);
        String prefix = Integer.toString(countryCode);
        if (national.isValid()) {
            // libphonenumber itself reads a leading country code without "+"; say so in the report.
            boolean plusRestored = national.e164().equals("+" + cleaned) && cleaned.startsWith(prefix);
            return plusRestored ? PhoneResult.valid(national.e164(), "restored the leading +") : national;
        }
        // A lost leading "+": "919101234510" read as a number by Excel. Restored only when the digits
        // start with the default country's code and the result is a valid number of that country.
        if (cleaned.startsWith(prefix) && !cleaned.startsWith("0")) {
            PhoneResult international = parse("+" + cleaned, "ZZ", value, "restored the leading +");
            if (international.isValid()) {
                return international;
            }
        }
        return national;
    }

    private PhoneResult parse(String digits, String parseRegion, String original, String note) {
        PhoneNumber number;
        try {
            number = UTIL.parse(digits, parseRegion);
        } catch (NumberParseException e) {
            return PhoneResult.invalid("'" + original + "' is not a phone number: " + describe(e.getErrorType()));
        }
        if (UTIL.isValidNumber(number)) {
            return PhoneResult.valid(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), note);
        }
        PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
        String where = parseRegion.equals("ZZ")
                ? "country code +" + number.getCountryCode() : region + " (default country)";
        switch (possible) {
            case TOO_SHORT:
                return PhoneResult.invalid("'" + original + "' is too short for " + where);
            case TOO_LONG:
                return PhoneResult.invalid("'" + original + "' is too long for " + where);
            case INVALID_COUNTRY_CODE:
                return PhoneResult.invalid("'" + original + "' has an unknown country code");
            default:
                return PhoneResult.invalid("'" + original + "' is not a valid number for " + where);
        }
    }

    private static String describe(NumberParseException.ErrorType type) {
        switch (type) {
            case INVALID_COUNTRY_CODE:
                return "unknown country code";
            case TOO_SHORT_NSN:
            case TOO_SHORT_AFTER_IDD:
                return "too short";
            case TOO_LONG:
                return "too long";
            default:
                return "no phone number found";
        }
    }

    /** Drops spaces, dashes, dots, slashes and parentheses; null when anything else is there. */
    static String strip(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (c == '+' && out.length() == 0) {
                out.append(c);
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00A0'
                    || c == '\t' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\'') {
                continue;
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
