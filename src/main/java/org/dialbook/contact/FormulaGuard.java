package org.dialbook.contact;

import java.util.regex.Pattern;

/**
 * Keeps exported cells from running as spreadsheet formulas (CSV or "formula" injection, OWASP).
 *
 * <p>Excel, LibreOffice and Google Sheets treat a cell that starts with {@code = + - @}, a tab or a
 * carriage return as a formula, whether or not the CSV field is quoted. {@link #neutralise} puts a
 * single quote in front of such a cell, the marker spreadsheets read as "this is text".
 *
 * <p>One exception, on purpose: a sign followed only by digits (an optional decimal part allowed),
 * like the E.164 number {@code +919101234510} or the value {@code -5}. Such a cell cannot call a
 * function, reference a cell or reach DDE: the most a spreadsheet does with it is read a number.
 * Leaving it as it is keeps phone numbers readable in every CSV consumer and makes them re-import to
 * the identical value without help. (Excel shows such a column as a plain number; the README says
 * how to open it as text.)
 *
 * <p>The quote is reversible: {@link #restore} drops it again, so every string survives
 * {@code restore(neutralise(s))} unchanged. To keep that exact, a value that itself starts with a
 * quote followed by a trigger or another quote gets one more quote on export.
 */
public final class FormulaGuard {

    /** The marker spreadsheets read as "text follows". */
    public static final char QUOTE = '\'';

    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

    private FormulaGuard() {
    }

    /** True when a spreadsheet would read a cell starting with {@code c} as a formula. */
    public static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The cell text to write for {@code value}; never starts with a trigger unless it is a signed number. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (isTrigger(first) && !SIGNED_NUMBER.matcher(value).matches()) {
            return QUOTE + value;
        }
        if (first == QUOTE && value.length() > 1 && isMarked(value.charAt(1))) {
            return QUOTE + value;
        }
        return value;
    }

    /**
     * The value a neutralised cell stood for. Also right for hand-made files: a cell typed the Excel
     * way, {@code '=A1}, means the text {@code =A1}. A quote before anything else is kept, since it
     * is part of the text ({@code 'til dawn}).
     */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == QUOTE && isMarked(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isMarked(char second) {
        return isTrigger(second) || second == QUOTE;
    }
}
