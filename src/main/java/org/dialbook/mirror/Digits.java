package org.dialbook.mirror;

/** The digits of a phone number or of a search term, for number search in any format. */
final class Digits {
    private Digits() {
    }

    static String of(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** True when {@code text} looks like (part of) a phone number: digits with + - ( ) . and spaces. */
    static boolean looksLikeNumber(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+-(). ".indexOf(c) < 0) {
                return false;
            }
        }
        return digits > 0;
    }
}
