package org.dialbook.importer;

/**
 * Numbered turns for the batches of one pass. With two requests in flight the second batch may be
 * answered first; each batch still starts its request and settles its rows only after every batch
 * before it did, so the journal, the counts and the report read as if they went one at a time.
 */
final class BatchOrder {
    private long next;

    /** Waits until every batch numbered below {@code batch} has had its turn. */
    synchronized void await(long batch) throws InterruptedException {
        while (next < batch) {
            wait();
        }
    }

    /** Ends {@code batch}'s turn (after waiting for it, so that a failed batch cannot jump the queue). */
    synchronized void done(long batch) throws InterruptedException {
        await(batch);
        if (next == batch) {
            next = batch + 1;
            notifyAll();
        }
    }

    /** One batch's turns, as the sender sees them. */
    interface Turn {
        /** Always the caller's turn: for one request at a time. */
        Turn NONE = new Turn() {
            @Override
            public void awaitStart() {
            }

            @Override
            public void started() {
            }

            @Override
            public void awaitSettle() {
            }
        };

        /** Waits until every earlier batch has journaled its first request and is sending it. */
        void awaitStart() throws InterruptedException;

        /** This batch's first request is journaled and about to leave: the next batch may start its own. */
        void started() throws InterruptedException;

        /** Waits until every earlier batch has settled all its rows. */
        void awaitSettle() throws InterruptedException;
    }
}
