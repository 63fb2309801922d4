package org.dialbook.mirror;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exact counts of recent searches, valid while the file is unchanged. The key is the count's SQL
 * with its arguments; the version is SQLite's {@code PRAGMA data_version}, which changes on any commit
 * to the file, by this process's sync or by another process ({@code dialbook sync} in a terminal), so
 * a count is never served from before a change. Paging, re-sorting and toggling a chip off and on
 * again then count once, not every time. Callers hold the reader's lock.
 */
final class CountCache {
    private static final int MAX_ENTRIES = 64;

    private final Map<String, Long> counts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long version = Long.MIN_VALUE;

    /** The count of {@code key} at {@code dataVersion}, or null when it has to be counted. */
    Long get(long dataVersion, String key) {
        if (dataVersion != version) {
            counts.clear();
            version = dataVersion;
            return null;
        }
        return counts.get(key);
    }

    void put(long dataVersion, String key, long count) {
        if (dataVersion == version) {
            counts.put(key, count);
        }
    }

    void clear() {
        counts.clear();
    }
}
