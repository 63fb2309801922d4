package org.dialbook.api;

import java.util.List;

/**
 * One page of a list call. The API gives no links; there is a next page while
 * {@code offset + items.size() < total}.
 */
public record Page<T>(List<T> items, int offset, int limit, int total) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public int nextOffset() {
        return offset + items.size();
    }
}
