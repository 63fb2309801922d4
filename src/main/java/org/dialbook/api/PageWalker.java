package org.dialbook.api;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks list pages lazily from the query's offset until {@code total}, as a stream. */
final class PageWalker {
    private PageWalker() {
    }

    static <T> Stream<T> stream(ListQuery query, Function<ListQuery, Page<T>> fetch) {
        Iterator<T> iterator = new Iterator<>() {
            private Page<T> page;
            private int position;

            @Override
            public boolean hasNext() {
                while (page == null || position >= page.items().size()) {
                    if (page != null && (!page.hasNext() || page.items().isEmpty())) {
                        // An empty page before total means the data shrank underneath us; stop
                        // rather than ask for the same offset forever.
                        return false;
                    }
                    page = fetch.apply(page == null ? query : query.withOffset(page.nextOffset()));
                    position = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(position++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
