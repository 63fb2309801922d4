package org.dialbook.importer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialbook.jobs.CancelToken;

/**
 * Reads the file on the calling thread, validates chunks of rows on a small pool (libphonenumber is
 * the bottleneck, so every core helps), and hands the results to a {@link RowSink} in file order on
 * the calling thread. At most a few chunks are in flight, so memory stays flat for any file size.
 */
final class ValidationPipeline {
    static final int CHUNK = 1000;

    /** Called after every chunk with (rows read, bytes read). */
    interface Progress {
        void update(long rowsRead, long bytesRead);
    }

    private final int threads;

    ValidationPipeline(int threads) {
        this.threads = Math.max(1, threads);
    }

    static ValidationPipeline forThisMachine() {
        return new ValidationPipeline(Runtime.getRuntime().availableProcessors());
    }

    /** Returns the number of data rows read; stops early when cancelled. */
    long run(ImportPlan plan, DuplicateFilter filter, RowSink sink, Progress progress, CancelToken cancel)
            throws IOException, InterruptedException {
        RowValidator validator = new RowValidator(plan);
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("import-validate"));
        Deque<Future<List<ValidatedRow>>> inFlight = new ArrayDeque<>();
        int maxInFlight = threads * 3;
        long rows = 0;
        try (CsvRowSource source = new CsvRowSource(plan.file(), plan.format())) {
            List<RawRow> chunk = new ArrayList<>(CHUNK);
            RawRow raw;
            while (!cancel.isCancelled() && (raw = source.next()) != null) {
                chunk.add(raw);
                rows++;
                if (chunk.size() == CHUNK) {
                    inFlight.add(submit(pool, validator, chunk));
                    chunk = new ArrayList<>(CHUNK);
                    while (inFlight.size() > maxInFlight || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                        dispatch(inFlight.poll(), filter, sink);
                    }
                    progress.update(rows, source.bytesRead());
                }
            }
            if (!chunk.isEmpty() && !cancel.isCancelled()) {
                inFlight.add(submit(pool, validator, chunk));
            }
            while (!inFlight.isEmpty()) {
                Future<List<ValidatedRow>> next = inFlight.poll();
                if (cancel.isCancelled()) {
                    next.cancel(false);
                } else {
                    dispatch(next, filter, sink);
                }
            }
            progress.update(rows, source.bytesRead());
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    private static Future<List<ValidatedRow>> submit(ExecutorService pool, RowValidator validator,
            List<RawRow> chunk) {
        return pool.submit(() -> {
            List<ValidatedRow> out = new ArrayList<>(chunk.size());
            for (RawRow row : chunk) {
                out.add(validator.validate(row));
            }
            return out;
        });
    }

    private static void dispatch(Future<List<ValidatedRow>> future, DuplicateFilter filter, RowSink sink)
            throws InterruptedException {
        List<ValidatedRow> rows;
        try {
            rows = future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("validation failed: " + cause, cause);
        }
        for (ValidatedRow row : rows) {
            filter.accept(row, sink);
        }
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
