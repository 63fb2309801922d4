package org.dialbook.contact;

import java.util.regex.Pattern;

/**
 * The one e-mail rule: something before one {@code @}, then a domain of at least two dot-separated
 * labels, none of them empty, and no spaces. So {@code asha@.example.com} and {@code asha@example}
 * are refused everywhere: in the import, the contact dialog, bulk edit and the CLI.
 */
public final class EmailRule {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailRule() {
    }

    public static boolean isValid(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }

    /** Why {@code value} (already stripped, not empty) is not an address, or null when it is one. */
    public static String problem(String value) {
        return isValid(value) ? null : "'" + shorten(value) + "' is not an e-mail address; write it like name@example.com";
    }

    static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
