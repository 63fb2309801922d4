package org.dialbook.api;

import java.util.List;

/**
 * Every item's outcome of a bulk call, in request order. Partial failure is data: a bulk call
 * throws only when nothing could be attempted at all (bad credentials, for instance).
 */
public record BulkResult<T>(List<ItemOutcome<T>> items) {
    public BulkResult {
        items = List.copyOf(items);
    }

    public List<ItemOutcome<T>> successes() {
        return items.stream().filter(ItemOutcome::succeeded).toList();
    }

    public List<ItemOutcome<T>> failures() {
        return items.stream().filter(item -> item.status() == ItemOutcome.Status.FAILURE).toList();
    }

    public List<ItemOutcome<T>> unknowns() {
        return items.stream().filter(item -> item.status() == ItemOutcome.Status.UNKNOWN).toList();
    }

    public boolean allSucceeded() {
        return items.stream().allMatch(ItemOutcome::succeeded);
    }
}
