package org.dialbook.contact;

/**
 * A normalised number, or why there is none.
 *
 * @param e164 the number in E.164 ("+919101234510"); null when invalid
 * @param note a remark on a repair (e.g. the restored "+"), or the reason it is invalid
 */
public record PhoneResult(String e164, String note) {
    public static PhoneResult valid(String e164, String note) {
        return new PhoneResult(e164, note);
    }

    public static PhoneResult invalid(String reason) {
        return new PhoneResult(null, reason);
    }

    public boolean isValid() {
        return e164 != null;
    }

    /** The E.164 digits as a number, a compact key for duplicate detection. */
    public long key() {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }
}
