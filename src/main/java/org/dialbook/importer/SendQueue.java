package org.dialbook.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dialbook.jobs.CancelToken;

/**
 * A bounded hand-over from the reading thread to the sender threads, so reading and validating
 * overlap with sending while at most two batches wait in memory (plus those in flight). A sender
 * failure stops the reader. With two senders, batch k+1's request is on the wire while batch k's
 * answer is read and journaled; {@link BatchOrder} keeps requests starting and rows settling in
 * batch order.
 */
final class SendQueue {
    /** A batch for the sender; {@code rows == null} marks the end. */
    record Work(List<ValidatedRow> rows, List<String> sids) {
        static Work creates(List<ValidatedRow> rows) {
            return new Work(rows, null);
        }

        static Work updates(List<ValidatedRow> rows, List<String> sids) {
            return new Work(rows, sids);
        }
    }

    private static final Work END = new Work(null, null);

    /** A batch and its place in the pass. */
    private record Ticket(long number, Work work) {
    }

    private final BlockingQueue<Ticket> queue = new ArrayBlockingQueue<>(2);
    private final BatchOrder starts = new BatchOrder();
    private final BatchOrder settles = new BatchOrder();
    /** Numbers the batches; only the reading thread puts. */
    private long nextNumber;
    private final ExecutorService executor;
    private final List<Future<?>> senders = new ArrayList<>();
    /** A sender failed: the others send nothing more, as one sender would have stopped. */
    private volatile boolean failed;

    /**
     * @param threads how many requests may be in flight at once; two let the client prepare and read
     *     one request while the server works on the other
     */
    SendQueue(BatchSender batchSender, CancelToken cancel, Runnable afterBatch, int threads) {
        executor = Executors.newFixedThreadPool(threads, ValidationPipeline.named("import-send"));
        for (int i = 0; i < threads; i++) {
            senders.add(executor.submit(() -> {
                try {
                    while (true) {
                        Ticket ticket = queue.take();
                        if (ticket.work() == END) {
                            // Leave the marker for the other senders.
                            queue.put(ticket);
                            return null;
                        }
                        send(batchSender, cancel, ticket, threads == 1 ? BatchOrder.Turn.NONE
                                : turnOf(ticket.number()));
                        afterBatch.run();
                    }
                } catch (Exception | Error e) {
                    failed = true;
                    throw e;
                }
            }));
        }
    }

    private void send(BatchSender batchSender, CancelToken cancel, Ticket ticket, BatchOrder.Turn turn)
            throws IOException, InterruptedException {
        try {
            if (cancel.isCancelled() || failed) {
                // Not sent: these rows stay unsettled, and resuming sends them.
                return;
            }
            Work work = ticket.work();
            if (work.sids() == null) {
                batchSender.sendCreates(work.rows(), turn);
            } else {
                batchSender.sendUpdates(work.rows(), work.sids(), turn);
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            // Said before this batch's turns end, so that the batch after it is not sent.
            failed = true;
            throw e;
        } finally {
            // Also when the batch failed or was skipped: the batches after it still settle, in order.
            starts.done(ticket.number());
            settles.done(ticket.number());
        }
    }

    private BatchOrder.Turn turnOf(long number) {
        return new BatchOrder.Turn() {
            @Override
            public void awaitStart() throws InterruptedException {
                starts.await(number);
            }

            @Override
            public void started() throws InterruptedException {
                starts.done(number);
            }

            @Override
            public void awaitSettle() throws InterruptedException {
                settles.await(number);
            }
        };
    }

    private boolean anySenderDone() {
        return senders.stream().anyMatch(Future::isDone);
    }

    void put(Work work) {
        Ticket ticket = new Ticket(nextNumber++, work);
        if (failed) {
            rethrowSenderFailure();
        }
        try {
            while (!queue.offer(ticket, 200, TimeUnit.MILLISECONDS)) {
                if (anySenderDone()) {
                    rethrowSenderFailure();
                    if (work != END) {
                        throw new IllegalStateException("the sender stopped unexpectedly");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Waits for every queued batch to be sent; rethrows what stopped the sender. */
    void finish() throws InterruptedException, IOException {
        put(END);
        for (Future<?> sender : senders) {
            try {
                sender.get();
            } catch (ExecutionException e) {
                rethrow(e.getCause());
            }
        }
    }

    private void rethrowSenderFailure() {
        try {
            for (Future<?> sender : senders) {
                if (sender.isDone()) {
                    sender.get();
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private static void rethrow(Throwable cause) throws IOException, InterruptedException {
        if (cause instanceof IOException) {
            throw (IOException) cause;
        }
        if (cause instanceof InterruptedException) {
            throw (InterruptedException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        throw new IllegalStateException(cause);
    }

    void shutdown() {
        executor.shutdownNow();
    }

    /** The reading thread was interrupted while waiting for the sender. */
    static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("the import was interrupted");
        }
    }
}
