package org.dialbook.mirror;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link MirrorQuery} into SQL. Text of three characters or more goes to the FTS5 trigram
 * index: words of three or more each match anywhere, otherwise the text matches as one substring.
 * Text shorter than that cannot use the index (a trigram needs three characters), so it becomes a
 * lookup in the short-term index of single characters and pairs ({@link Grams}): "98" must find
 * "+919845…" as "984" does, and a prefix scan would not (every number starts "+91"). Sorted by a
 * column, such a term is a substring LIKE over the same columns in that column's order, so a first
 * page of a common term stops early. A query that looks
 * like a phone number is also matched on the number's digits alone, so "+91 98450", "98450-12" and
 * "9845012" find the same contact.
 */
final class SearchSql {
    static final String COLUMNS = "c.sid, c.number, c.first_name, c.last_name, c.company_name, c.email, c.tag, "
            + "c.custom_field, c.date_created, c.date_updated, c.account_sid, c.uri";
    private static final List<String> LIKE_COLUMNS = List.of("c.number", "c.digits", "c.first_name", "c.last_name",
            "c.company_name", "c.email", "c.tag", "c.custom_text");
    private static final int TRIGRAM = 3;

    final String from;
    final String where;
    final List<Object> args;
    final boolean usesIndex;
    /** The full-text table that answers the text, or null for a scan. */
    private final String index;
    /** The index alone answers: no filter needs the contact table, so a count skips the join. */
    private final boolean indexOnly;

    private SearchSql(String from, String where, List<Object> args, String index, boolean indexOnly) {
        this.from = from;
        this.where = where;
        this.args = args;
        this.usesIndex = index != null;
        this.index = index;
        this.indexOnly = indexOnly;
    }

    static SearchSql of(MirrorQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        String match = null;
        String gramMatch = null;
        if (query.text() != null) {
            List<String> ftsTerms = new ArrayList<>();
            String text = query.text();
            String digits = Digits.of(text);
            boolean number = Digits.looksLikeNumber(text);
            if (number && digits.length() >= TRIGRAM) {
                ftsTerms.add("(digits : " + phrase(digits) + " OR " + phrase(text) + ")");
            } else if (text.length() < TRIGRAM && query.sort() == MirrorSort.MIRROR) {
                // One token of the short-term index, read in mirror order: LIMIT stops at the 20th match
                // and a rare term (or none) costs as little as a common one.
                gramMatch = Grams.match(text, number ? digits : null);
                if (gramMatch == null) {
                    conditions.add("0");
                }
            } else if (number || text.length() < TRIGRAM) {
                // Sorted by a column: scanning that column's order with LIKE lets LIMIT stop early.
                conditions.add(substringLike());
                String pattern = "%" + escapeLike(text) + "%";
                // "+9", "(98)" and "98" all look for those digits anywhere in the number.
                String digitsPattern = number ? "%" + digits + "%" : pattern;
                for (String column : LIKE_COLUMNS) {
                    args.add(column.equals("c.digits") ? digitsPattern : pattern);
                }
            } else {
                String[] terms = text.split("\\s+");
                boolean allLong = true;
                for (String term : terms) {
                    allLong &= term.length() >= TRIGRAM;
                }
                if (allLong) {
                    // Each word anywhere: "ravi kumar" finds first name Ravi, last name Kumar.
                    for (String term : terms) {
                        ftsTerms.add(phrase(term));
                    }
                } else {
                    // A short word has no trigram of its own: match the text as one substring.
                    ftsTerms.add(phrase(text));
                }
            }
            if (!ftsTerms.isEmpty()) {
                match = String.join(" AND ", ftsTerms);
            }
        }
        if (query.tag() != null) {
            conditions.add("c.tag = ? COLLATE NOCASE");
            args.add(query.tag());
        }
        if (query.company() != null) {
            conditions.add("c.company_name = ? COLLATE NOCASE");
            args.add(query.company());
        }
        if (query.listSid() != null) {
            conditions.add("EXISTS (SELECT 1 FROM list_member m WHERE m.list_sid = ? AND m.contact_sid = c.sid)");
            args.add(query.listSid());
        }
        String from = "contact c";
        String index = match != null ? "contact_fts" : gramMatch != null ? "contact_gram" : null;
        boolean indexOnly = index != null && conditions.isEmpty();
        if (index != null) {
            from = index + " f JOIN contact c ON c.rowid = f.rowid";
            conditions.add(0, index + " MATCH ?");
            args.add(0, match != null ? match : gramMatch);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new SearchSql(from, where, args, index, indexOnly);
    }

    /** The page query; in mirror order the index hands rows over already sorted, so LIMIT stops early. */
    String page(MirrorQuery query) {
        String order = query.sort() == MirrorSort.MIRROR && usesIndex ? "f.rowid" : query.sort().sql();
        String direction = query.descending() ? " DESC" : "";
        String tieBreak = query.sort() == MirrorSort.MIRROR ? "" : ", c.rowid" + direction;
        return "SELECT " + COLUMNS + " FROM " + from + where + " ORDER BY " + order + direction + tieBreak
                + " LIMIT ? OFFSET ?";
    }

    String count() {
        return indexOnly ? "SELECT count(*) FROM " + index + " WHERE " + index + " MATCH ?"
                : "SELECT count(*) FROM " + from + where;
    }

    /** True when the count reads the full-text index alone. */
    boolean indexOnly() {
        return indexOnly;
    }

    /** {@link #count} within a range of rowids, bound after the arguments: after (exclusive), up to (inclusive). */
    String countRange() {
        String rowid = usesIndex ? "f.rowid" : "c.rowid";
        String range = rowid + " > ? AND " + rowid + " <= ?";
        if (indexOnly) {
            return "SELECT count(*) FROM " + index + " f WHERE " + index + " MATCH ? AND " + range;
        }
        return "SELECT count(*) FROM " + from + (where.isEmpty() ? " WHERE " : where + " AND ") + range;
    }

    private static String substringLike() {
        List<String> likes = new ArrayList<>();
        for (String column : LIKE_COLUMNS) {
            likes.add(column + " LIKE ? ESCAPE '\\'");
        }
        return "(" + String.join(" OR ", likes) + ")";
    }

    private static String phrase(String term) {
        return '"' + term.replace("\"", "\"\"") + '"';
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
