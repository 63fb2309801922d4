package org.dialbook.mirror;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.sqlite.Function;

/**
 * The tokens of the short-term index ({@code contact_gram}): every character and every pair of
 * adjacent characters of the searchable fields, in lower case, as one token each. A term of one or
 * two characters has no trigram, so without this index "qz" would read every contact to find none;
 * with it, the term is one token lookup, in mirror order, however rare or common it is.
 *
 * <p>Tokens are plain ASCII letters and digits so that FTS5's {@code ascii} tokenizer keeps each one
 * whole: {@code t} + the gram when it is made of {@code a-z0-9}, {@code h} + its UTF-16 units in hex
 * otherwise ("+9" is {@code h002b0039}), and {@code d} + the gram for the number's bare digits, which
 * a number-like term ("+9", "(98)") looks up, as the digits column of the trigram index does.
 */
final class Grams {
    /** The SQL function the triggers call to fill the index; registered on the writing connection. */
    static final String FUNCTION = "dialbook_grams";

    private Grams() {
    }

    /**
     * The index text of one contact: {@code digits} first, then the text fields (number, names,
     * company, e-mail, tag, custom values), any of them null.
     */
    static String index(String digits, String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        addGrams(tokens, 'd', digits);
        for (String text : texts) {
            addGrams(tokens, 't', text);
        }
        return String.join(" ", tokens);
    }

    /** The FTS5 query for a term of one or two characters; {@code digits} is set for a number-like term. */
    static String match(String term, String digits) {
        String text = token('t', lower(term));
        String query = text == null ? null : '"' + text + '"';
        if (digits != null && !digits.isEmpty()) {
            String number = '"' + token('d', digits) + '"';
            query = query == null ? number : query + " OR " + number;
        }
        return query;
    }

    /** Lets the mirror's triggers call {@link #index} as {@code dialbook_grams(digits, number, ...)}. */
    static void register(Connection connection) throws SQLException {
        Function.create(connection, FUNCTION, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String[] texts = new String[args() - 1];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = value_text(i + 1);
                }
                result(index(value_text(0), texts));
            }
        }, -1, Function.FLAG_DETERMINISTIC);
    }

    private static void addGrams(Set<String> tokens, char kind, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String text = lower(value);
        for (int i = 0; i < text.length(); i++) {
            addToken(tokens, kind, text.substring(i, i + 1));
            if (i + 1 < text.length()) {
                addToken(tokens, kind, text.substring(i, i + 2));
            }
        }
    }

    private static void addToken(Set<String> tokens, char kind, String gram) {
        String token = token(kind, gram);
        if (token != null) {
            tokens.add(token);
        }
    }

    /** Null for a gram with white space: a search term is stripped, so it never looks one up. */
    private static String token(char kind, String gram) {
        boolean plain = true;
        for (int i = 0; i < gram.length(); i++) {
            char c = gram.charAt(i);
            if (Character.isWhitespace(c)) {
                return null;
            }
            plain &= c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }
        if (plain) {
            return kind + gram;
        }
        StringBuilder hex = new StringBuilder(1 + 4 * gram.length()).append(kind == 't' ? 'h' : kind);
        for (int i = 0; i < gram.length(); i++) {
            char c = gram.charAt(i);
            for (int shift = 12; shift >= 0; shift -= 4) {
                hex.append(Character.forDigit((c >> shift) & 0xF, 16));
            }
        }
        return hex.toString();
    }

    /** Character by character, so that the gram keeps the length of the text it came from. */
    private static String lower(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
