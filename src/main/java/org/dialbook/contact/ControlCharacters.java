package org.dialbook.contact;

/**
 * Control characters in contact text. On the way in they are refused in every field: an ESC in a
 * name can retitle a terminal window or recolour it when the name is printed, and a bare CR hides
 * what came before it. Line breaks (LF, CRLF) and tabs are layout, not control, and stay allowed: a
 * company or an address may span lines, and the API stores them. On the way out to a terminal,
 * every control character, line breaks included, is shown escaped ({@code \e}, {@code \r},
 * {@code \n}, {@code \x07}), never raw.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True for C0 controls, DEL and C1 controls. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** The index of the first control character in {@code value}, line breaks and tabs included, or -1. */
    public static int indexOf(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first control character refused on the way in (not LF, CRLF or TAB), or -1. */
    public static int indexOfRefused(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean layout = c == '\n' || c == '\t'
                    || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
            if (isControl(c) && !layout) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code value} is refused, as the end of a sentence ("holds a control character (ESC,
     * U+001B) at position 6"), or null when it holds none.
     */
    public static String problem(String value) {
        int at = indexOfRefused(value);
        if (at < 0) {
            return null;
        }
        char c = value.charAt(at);
        return "holds a control character (" + name(c) + ", U+" + String.format("%04X", (int) c) + ") at position "
                + (at + 1) + "; remove it";
    }

    /** {@code value} with every control character written as an escape, for a terminal. */
    public static String escape(String value) {
        if (indexOf(value) < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isControl(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case 0x1B -> out.append("\\e");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\x%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static String name(char c) {
        return switch (c) {
            case 0x1B -> "ESC";
            case '\r' -> "a bare CR";
            case '\n' -> "LF";
            case '\t' -> "TAB";
            case 0 -> "NUL";
            case 0x07 -> "BEL";
            case 0x08 -> "BS";
            case 0x7F -> "DEL";
            default -> "control";
        };
    }
}
