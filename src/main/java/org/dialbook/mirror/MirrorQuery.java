package org.dialbook.mirror;

import org.dialbook.api.ListQuery;

/**
 * A search of the mirror: free text over every field, plus exact filters (any case) on tag, company
 * and list. Blank values mean "no condition".
 *
 * @param text substring of number (any format), names, company, e-mail, tag or custom values
 * @param sort the column to sort by; {@link MirrorSort#MIRROR} is the fast default (oldest first)
 */
public record MirrorQuery(String text, String tag, String company, String listSid, MirrorSort sort,
        boolean descending) {

    public MirrorQuery {
        text = blankToNull(text);
        tag = blankToNull(tag);
        company = blankToNull(company);
        listSid = blankToNull(listSid);
        sort = sort == null ? MirrorSort.MIRROR : sort;
    }

    /**
     * The mirror search for an API list query's name search, sort included; null when the query
     * has no search text or filters by list (lists are answered by the API until the lists
     * feature fills the mirror's memberships).
     */
    public static MirrorQuery forListQuery(ListQuery query) {
        return forListQuery(query, null);
    }

    /**
     * The search the table shows: the list query's text, narrowed by the filter chips' tag and
     * company and sorted by the column clicked in {@code refinement} (its text is ignored). Null when
     * there is neither text nor a chip (browsing stays on the API), or the query filters by list.
     */
    public static MirrorQuery forListQuery(ListQuery query, MirrorQuery refinement) {
        boolean chips = refinement != null && (refinement.tag() != null || refinement.company() != null);
        if (query.name() == null && !chips || !query.listSids().isEmpty()) {
            return null;
        }
        MirrorQuery search;
        if (refinement != null && refinement.sort() != MirrorSort.MIRROR) {
            search = text(query.name()).sortedBy(refinement.sort(), refinement.descending());
        } else {
            boolean byName = query.sortBy().wireValue().startsWith("name");
            boolean descending = query.sortBy().wireValue().endsWith("desc");
            search = text(query.name()).sortedBy(byName ? MirrorSort.FIRST_NAME : MirrorSort.MIRROR, descending);
        }
        return refinement == null ? search : search.withTag(refinement.tag()).withCompany(refinement.company());
    }

    public static MirrorQuery text(String text) {
        return new MirrorQuery(text, null, null, null, MirrorSort.MIRROR, false);
    }

    public MirrorQuery withText(String value) {
        return new MirrorQuery(value, tag, company, listSid, sort, descending);
    }

    public MirrorQuery withTag(String value) {
        return new MirrorQuery(text, value, company, listSid, sort, descending);
    }

    public MirrorQuery withCompany(String value) {
        return new MirrorQuery(text, tag, value, listSid, sort, descending);
    }

    public MirrorQuery withList(String value) {
        return new MirrorQuery(text, tag, company, value, sort, descending);
    }

    public MirrorQuery sortedBy(MirrorSort value, boolean desc) {
        return new MirrorQuery(text, tag, company, listSid, value, desc);
    }

    public boolean isEmpty() {
        return text == null && tag == null && company == null && listSid == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
