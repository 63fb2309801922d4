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
 * failure stops the reader.
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

    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(2);
    private final ExecutorService executor;
    private final List<Future<?>> senders = new ArrayList<>();

    /**
     * @param threads how many requests may be in flight at once; two let the client prepare and read
     *     one request while the server works on the other
     */
    SendQueue(BatchSender batchSender, CancelToken cancel, Runnable afterBatch, int threads) {
        executor = Executors.newFixedThreadPool(threads, ValidationPipeline.named("import-send"));
        for (int i = 0; i < threads; i++) {
            senders.add(executor.submit(() -> {
                while (true) {
                    Work work = queue.take();
                    if (work == END) {
                        // Leave the marker for the other senders.
                        queue.put(END);
                        return null;
                    }
                    if (cancel.isCancelled()) {
                        // Not sent: these rows stay unsettled, and resuming sends them.
                        continue;
                    }
                    if (work.sids() == null) {
                        batchSender.sendCreates(work.rows());
                    } else {
                        batchSender.sendUpdates(work.rows(), work.sids());
                    }
                    afterBatch.run();
                }
            }));
        }
    }

    private boolean anySenderDone() {
        return senders.stream().anyMatch(Future::isDone);
    }

    void put(Work work) {
        try {
            while (!queue.offer(work, 200, TimeUnit.MILLISECONDS)) {
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
