package org.dialbook.importer;

import java.util.Arrays;

/**
 * Normalised number to the first row that had it: an open-addressing map of primitive longs, so a
 * million numbers cost about 24 MB instead of the hundreds a HashMap of strings would.
 */
final class NumberIndex {
    private long[] keys;
    private long[] rows;
    private int size;

    NumberIndex() {
        keys = new long[1 << 12];
        rows = new long[1 << 12];
    }

    /** The row already holding {@code key}, or -1 after recording {@code row} for it. */
    long putIfAbsent(long key, long row) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is not a phone number");
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key, keys.length);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = key;
        rows[slot] = row;
        size++;
        return -1;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int length) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (length - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
        Arrays.fill(oldKeys, 0);
    }
}
