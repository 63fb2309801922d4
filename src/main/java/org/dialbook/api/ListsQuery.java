package org.dialbook.api;

/**
 * Parameters of the all-lists call. Checks itself: a page holds at most {@link #MAX_LIMIT}, and
 * the vendor sorts lists only by {@code date_created:asc} or {@code name:asc}.
 *
 * @param name case-insensitive substring of the list name; null for all
 */
public record ListsQuery(int offset, int limit, String name, SortBy sortBy) {
    public static final int MAX_LIMIT = ListQuery.MAX_LIMIT;

    public ListsQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        sortBy = sortBy == null ? SortBy.DEFAULT : sortBy;
        if (!sortBy.ascending()) {
            throw new IllegalArgumentException("Lists sort only ascending (date_created:asc or name:asc)");
        }
        name = name == null || name.isBlank() ? null : name;
    }

    public static ListsQuery firstPage() {
        return new ListsQuery(0, MAX_LIMIT, null, SortBy.DEFAULT);
    }

    public ListsQuery withOffset(int newOffset) {
        return new ListsQuery(newOffset, limit, name, sortBy);
    }

    public ListsQuery withName(String newName) {
        return new ListsQuery(offset, limit, newName, sortBy);
    }

    public ListsQuery withSortBy(SortBy newSortBy) {
        return new ListsQuery(offset, limit, name, newSortBy);
    }
}
