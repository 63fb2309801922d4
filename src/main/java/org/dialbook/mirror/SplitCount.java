package org.dialbook.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a search over a large mirror in two halves of the rowid range at once: one on the caller's
 * connection, one on a second connection in a helper thread. FTS5 seeks straight to a rowid range,
 * so each half reads about half of the index, and a count of every contact (all CPU: checking the
 * positions of a phrase's trigrams) can take about half as long on two idle cores. A small mirror,
 * a search with a filter on the contact table, or a machine with one core counts in one piece.
 */
final class SplitCount implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SplitCount.class);
    /** Below this many contacts a count takes a few ms at most; a second thread would only add work. */
    static final long SPLIT_AT = 100_000;

    private final Connection second;
    private final ExecutorService helper;
    private final long splitAt;

    SplitCount(Connection second) {
        this(second, Runtime.getRuntime().availableProcessors() > 1 ? SPLIT_AT : Long.MAX_VALUE);
    }

    SplitCount(Connection second, long splitAt) {
        this.second = second;
        this.splitAt = splitAt;
        this.helper = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mirror-count");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The count of {@code sql} on {@code first} (whose lock the caller holds), in two halves when large. */
    long count(Connection first, SearchSql sql) throws SQLException {
        // Only a count on the index alone: with a filter on the contact table, a rowid range can turn
        // the plan around (the filter's index first, the text checked row by row), 100 times slower.
        long top = splitAt == Long.MAX_VALUE || !sql.indexOnly() ? 0 : maxRowid(first);
        if (top < splitAt) {
            return run(first, sql.count(), sql, null, null);
        }
        long middle = top / 2;
        Future<Long> upper = helper.submit(() -> run(second, sql.countRange(), sql, middle, Long.MAX_VALUE));
        long lower;
        try {
            lower = run(first, sql.countRange(), sql, Long.MIN_VALUE, middle);
        } finally {
            // Either way the helper's half finishes before the caller lets go of the reader.
            await(upper);
        }
        return lower + await(upper);
    }

    private static long await(Future<Long> half) throws SQLException {
        try {
            return half.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            half.cancel(true);
            throw new SQLException("the count was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    private static long run(Connection connection, String query, SearchSql sql, Long after, Long upTo)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            int index = 1;
            for (Object arg : sql.args) {
                statement.setObject(index++, arg);
            }
            if (after != null) {
                statement.setLong(index++, after);
                statement.setLong(index, upTo);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static long maxRowid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT max(rowid) FROM contact")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        helper.shutdownNow();
        try {
            second.close();
        } catch (SQLException e) {
            // Closing is best effort: the reader never wrote.
            LOG.debug("Closing the count connection failed", e);
        }
    }
}
