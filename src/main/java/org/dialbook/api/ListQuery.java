package org.dialbook.api;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the list call. Checks itself on construction: the API's page is at most
 * {@link #MAX_LIMIT}.
 *
 * @param name case-insensitive substring of first or last name; null for no search
 * @param listSids only contacts in these lists; empty for all
 * @param showLists asks for {@code filter=show_list}
 */
public record ListQuery(int offset, int limit, String name, SortBy sortBy, List<String> listSids, boolean showLists) {
    public static final int MAX_LIMIT = 20;

    public ListQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        Objects.requireNonNull(sortBy, "sortBy");
        listSids = List.copyOf(listSids == null ? List.of() : listSids);
        name = name == null || name.isBlank() ? null : name;
    }

    public static ListQuery firstPage() {
        return new ListQuery(0, MAX_LIMIT, null, SortBy.DEFAULT, List.of(), false);
    }

    public ListQuery withOffset(int newOffset) {
        return new ListQuery(newOffset, limit, name, sortBy, listSids, showLists);
    }

    public ListQuery withLimit(int newLimit) {
        return new ListQuery(offset, newLimit, name, sortBy, listSids, showLists);
    }

    public ListQuery withName(String newName) {
        return new ListQuery(offset, limit, newName, sortBy, listSids, showLists);
    }

    public ListQuery withSortBy(SortBy newSortBy) {
        return new ListQuery(offset, limit, name, newSortBy, listSids, showLists);
    }

    public ListQuery withListSids(List<String> newListSids) {
        return new ListQuery(offset, limit, name, sortBy, newListSids, showLists);
    }

    public ListQuery withShowLists(boolean newShowLists) {
        return new ListQuery(offset, limit, name, sortBy, listSids, newShowLists);
    }
}
