package org.dialbook.sandbox;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The sandbox's rule for {@code number}, from docs/CONTRACT.md: either E.164 ({@code +} then up to 15
 * digits) that libphonenumber calls a valid number, or an Indian landline written with its STD
 * prefix, {@code 0} then ten digits ({@code 0XXXXXX2400} in the vendor's words), that is valid for
 * India. Nothing else: no spaces, dashes or brackets, because the real service expects the number
 * already normalised and the importer's job is to normalise it first.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    static boolean isValid(String number) {
        if (number == null) {
            return false;
        }
        if (number.startsWith("+")) {
            return number.length() >= 3 && number.length() <= 16 && number.charAt(1) != '0'
                    && allDigits(number, 1) && (validWithoutParsing(number) || parsesValid(number, null));
        }
        return number.length() == 11 && number.charAt(0) == '0' && allDigits(number, 0) && parsesValid(number, "IN");
    }

    /**
     * The fast path for the usual case, a plain valid E.164 number: split off the country code
     * (ITU codes are prefix-free, so the first known one is it) and validate the rest directly.
     * libphonenumber's {@code parse} costs about four times its {@code isValidNumber}, and number
     * checking is the costliest step of a 5000-contact batch. Anything this does not call valid
     * (a national prefix after the country code, a leading zero, a bad number) takes the full parse.
     */
    static boolean validWithoutParsing(String number) {
        for (int length = 1; length <= 3 && length < number.length() - 1; length++) {
            int countryCode = Integer.parseInt(number.substring(1, 1 + length));
            // "ZZ" is libphonenumber's unknown region; non-geographic codes (800, 808, ...) give "001".
            if (!"ZZ".equals(UTIL.getRegionCodeForCountryCode(countryCode))) {
                String national = number.substring(1 + length);
                if (national.charAt(0) == '0' || national.length() > 17) {
                    return false;
                }
                PhoneNumber parsed = new PhoneNumber().setCountryCode(countryCode)
                        .setNationalNumber(Long.parseLong(national));
                return UTIL.isValidNumber(parsed);
            }
        }
        return false;
    }

    private static boolean allDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean parsesValid(String number, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(number, region);
            return UTIL.isValidNumber(parsed);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
