package org.dialbook.contact;

import java.util.Map;

/**
 * What a text field may hold, as the server checks it: at most {@link #MAX_TEXT} characters (the
 * sandbox refuses longer with 400 / 1002), no control characters, and an e-mail address in the
 * e-mail field. A dry run refuses what the API would refuse. The number has its own rule,
 * {@link PhoneRule}; the custom field is JSON, which the server takes at any length, so its values
 * are checked for control characters only.
 */
public final class ContactRules {
    /** The longest text the server accepts in one field, in UTF-16 chars. */
    public static final int MAX_TEXT = 10_000;

    private ContactRules() {
    }

    /**
     * Why {@code value} cannot go in {@code field}, or null when it can. Empty means "clear the
     * field" and is always allowed. The message names no field: callers add the row, column or label.
     */
    public static String textProblem(ContactField field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String control = ControlCharacters.problem(value);
        if (control != null) {
            return "'" + EmailRule.shorten(ControlCharacters.escape(value)) + "' " + control;
        }
        if (field != ContactField.CUSTOM_FIELD && value.length() > MAX_TEXT) {
            return "is " + value.length() + " characters long; the server accepts at most " + MAX_TEXT;
        }
        if (field == ContactField.EMAIL) {
            return EmailRule.problem(value.strip());
        }
        return null;
    }

    /**
     * The first problem among several fields, in field order, as {@code "first_name: ..."}; null when
     * all are fine. Fields missing from {@code values} are skipped.
     */
    public static String firstProblem(Map<ContactField, String> values) {
        for (ContactField field : ContactField.TEXT) {
            String problem = values.containsKey(field) ? textProblem(field, values.get(field)) : null;
            if (problem != null) {
                return field.wireName() + ": " + problem;
            }
        }
        return null;
    }
}
