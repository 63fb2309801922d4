package org.dialbook.mirror;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link MirrorQuery} into SQL. Text of three characters or more goes to the FTS5 trigram
 * index: words of three or more each match anywhere, otherwise the text matches as one substring.
 * Text shorter than that cannot use the index (a trigram needs three characters), so it becomes a
 * substring LIKE over the same columns: "98" must find "+919845…" as "984" does, and a prefix scan
 * would not (every number starts "+91"). That scan reads the table in mirror order, so a first page
 * of a common term stops early; only the count of a rare one reads every row. A query that looks
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
    /** The index alone answers: no filter needs the contact table, so a count skips the join. */
    private final boolean indexOnly;

    private SearchSql(String from, String where, List<Object> args, boolean usesIndex, boolean indexOnly) {
        this.from = from;
        this.where = where;
        this.args = args;
        this.usesIndex = usesIndex;
        this.indexOnly = indexOnly;
    }

    static SearchSql of(MirrorQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        String match = null;
        if (query.text() != null) {
            List<String> ftsTerms = new ArrayList<>();
            String text = query.text();
            String digits = Digits.of(text);
            boolean number = Digits.looksLikeNumber(text);
            if (number && digits.length() >= TRIGRAM) {
                ftsTerms.add("(digits : " + phrase(digits) + " OR " + phrase(text) + ")");
            } else if (number || text.length() < TRIGRAM) {
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
        boolean indexOnly = match != null && conditions.isEmpty();
        if (match != null) {
            from = "contact_fts f JOIN contact c ON c.rowid = f.rowid";
            conditions.add(0, "contact_fts MATCH ?");
            args.add(0, match);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new SearchSql(from, where, args, match != null, indexOnly);
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
        return indexOnly ? "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH ?" : "SELECT count(*) FROM " + from + where;
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
