package org.dialbook.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A sorted set that can also fetch its k-th element quickly: a list of sorted chunks of at most
 * {@value #MAX_CHUNK} elements. Finding rank k walks the chunk sizes (about 100 steps for 100,000
 * contacts) instead of skipping k rows, so {@code offset=99980} costs the same as {@code offset=0};
 * an SQL {@code OFFSET} would scan every skipped row. Inserts and removals touch one chunk.
 *
 * <p>Not thread-safe: {@link ContactStore} guards it with its read/write lock.
 */
final class RankedSet<E> {
    static final int MAX_CHUNK = 1024;

    private final Comparator<? super E> order;
    private final List<List<E>> chunks = new ArrayList<>();
    private int size;

    RankedSet(Comparator<? super E> order) {
        this.order = order;
    }

    int size() {
        return size;
    }

    /** Adds {@code element}; elements are unique under the order (callers tiebreak by sequence). */
    void add(E element) {
        if (chunks.isEmpty()) {
            List<E> first = new ArrayList<>();
            first.add(element);
            chunks.add(first);
            size = 1;
            return;
        }
        int chunkIndex = chunkFor(element);
        List<E> chunk = chunks.get(chunkIndex);
        int at = Collections.binarySearch(chunk, element, order);
        if (at >= 0) {
            throw new IllegalStateException("Element already present");
        }
        chunk.add(-at - 1, element);
        size++;
        if (chunk.size() > MAX_CHUNK) {
            List<E> upper = new ArrayList<>(chunk.subList(chunk.size() / 2, chunk.size()));
            chunk.subList(chunk.size() / 2, chunk.size()).clear();
            chunks.add(chunkIndex + 1, upper);
        }
    }

    boolean remove(E element) {
        if (chunks.isEmpty()) {
            return false;
        }
        int chunkIndex = chunkFor(element);
        List<E> chunk = chunks.get(chunkIndex);
        int at = Collections.binarySearch(chunk, element, order);
        if (at < 0) {
            return false;
        }
        chunk.remove(at);
        size--;
        if (chunk.isEmpty()) {
            chunks.remove(chunkIndex);
        }
        return true;
    }

    /** The element at zero-based rank {@code index} in ascending order. */
    E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int remaining = index;
        for (List<E> chunk : chunks) {
            if (remaining < chunk.size()) {
                return chunk.get(remaining);
            }
            remaining -= chunk.size();
        }
        throw new IllegalStateException("Chunk sizes disagree with the size");
    }

    /** Visits every element, ascending or descending, until the visitor asks to stop. */
    void forEach(boolean ascending, Visitor<? super E> visitor) {
        if (ascending) {
            for (List<E> chunk : chunks) {
                for (E element : chunk) {
                    if (!visitor.visit(element)) {
                        return;
                    }
                }
            }
        } else {
            for (int c = chunks.size() - 1; c >= 0; c--) {
                List<E> chunk = chunks.get(c);
                for (int i = chunk.size() - 1; i >= 0; i--) {
                    if (!visitor.visit(chunk.get(i))) {
                        return;
                    }
                }
            }
        }
    }

    void forEach(Consumer<? super E> action) {
        forEach(true, element -> {
            action.accept(element);
            return true;
        });
    }

    /**
     * The sorted chunks, concatenated in order, for a parallel scan. A read-only view; valid only
     * while the caller keeps writers out.
     */
    List<List<E>> chunks() {
        return Collections.unmodifiableList(chunks);
    }

    /** The first chunk whose last element is not below {@code element}, or the last chunk. */
    private int chunkFor(E element) {
        int low = 0;
        int high = chunks.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            List<E> chunk = chunks.get(mid);
            if (order.compare(chunk.get(chunk.size() - 1), element) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Receives elements in order; returns false to stop. */
    @FunctionalInterface
    interface Visitor<E> {
        boolean visit(E element);
    }
}
