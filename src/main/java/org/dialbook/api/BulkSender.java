package org.dialbook.api;

import com.google.gson.JsonParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a bulk create or update: splits it into requests of at most {@code maxBatchSize} items,
 * retries only the items that failed with 429 or 5xx, and merges every item's outcome back into the
 * caller's order with the caller's indexes. Partial failure is data; it throws only when the very
 * first request is refused for authentication, because then nothing could be attempted at all.
 */
final class BulkSender {
    private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

    /** One item to send: what writes its JSON, and the number the server must echo back (null: don't check). */
    record Item(ContactJson.ItemWriter json, String expectedNumber) {
    }

    private final HttpExecutor executor;
    private final Retries retries;
    private final int maxBatchSize;
    /** The most items a request has been found to hold under the server's body cap (413 halves it). */
    private volatile int fits = Integer.MAX_VALUE;

    BulkSender(HttpExecutor executor, Retries retries, int maxBatchSize) {
        this.executor = executor;
        this.retries = retries;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * @param safeToReplay false for create: with no idempotency key, replaying a create whose answer
     *     was lost could make duplicates, so such items become UNKNOWN instead
     */
    BulkResult<Contact> send(String method, HttpUrl url, List<Item> items, boolean safeToReplay) {
        return send(method, url, items, safeToReplay, Envelope.DataMode.CONTACT);
    }

    /** As {@link #send(String, HttpUrl, List, boolean)}, reading each answered contact as {@code mode} says. */
    BulkResult<Contact> send(String method, HttpUrl url, List<Item> items, boolean safeToReplay,
            Envelope.DataMode mode) {
        @SuppressWarnings("unchecked")
        ItemOutcome<Contact>[] outcomes = new ItemOutcome[items.size()];
        boolean[] splitTold = {false};
        int from = 0;
        while (from < items.size()) {
            int to = Math.min(items.size(), from + Math.min(maxBatchSize, fits));
            List<Integer> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(i);
            }
            LOG.debug("{} {}: items {}..{} of {}", method, url.encodedPath(), from, to - 1, items.size());
            ApiException stop = sendChunk(method, url, items, chunk, safeToReplay, mode, outcomes, splitTold);
            if (stop != null) {
                if (stop instanceof AuthenticationException && from == 0) {
                    throw stop;
                }
                // Credentials stopped working mid-way, or the caller cancelled: keep what was done,
                // and fail the rest, which was never sent.
                for (int i = from; i < items.size(); i++) {
                    if (outcomes[i] == null) {
                        outcomes[i] = ItemOutcome.failure(i, stop.toApiError());
                    }
                }
                break;
            }
            from = to;
        }
        return new BulkResult<>(Arrays.asList(outcomes));
    }

    /**
     * Fills the chunk's outcomes. Returns why the whole call must stop (an authentication failure,
     * or the thread was interrupted), or null to go on with the next chunk.
     */
    private ApiException sendChunk(String method, HttpUrl url, List<Item> items, List<Integer> chunk,
            boolean safeToReplay, Envelope.DataMode mode, ItemOutcome<Contact>[] outcomes, boolean[] splitTold) {
        List<Integer> pending = chunk;
        Retries.Run run = retries.start();
        while (!pending.isEmpty()) {
            List<ContactJson.ItemWriter> body = new ArrayList<>(pending.size());
            pending.forEach(index -> body.add(items.get(index).json()));
            Exchange exchange = executor.execute(method, url, ContactJson.bulkBody(body));

            if (exchange instanceof Exchange.Failed failed) {
                boolean cancelled = HttpExecutor.wasCancelled(failed);
                if ((!failed.requestSent() || safeToReplay) && !cancelled && run.mayRetry(true)) {
                    if (!pause(run, null, method, url, failed.cause().getClass().getSimpleName())) {
                        return cancelBeforeRetry(pending, outcomes, "the connection failed", failed.requestSent());
                    }
                    continue;
                }
                TransportException error = Transport.failure(method, url, failed);
                markAll(pending, outcomes, failed.requestSent(), new ApiError(0, null, error.getMessage(), null));
                return cancelled ? error : null;
            }
            Exchange.Answered answer = (Exchange.Answered) exchange;
            int status = answer.status();
            if (status < 500) {
                retries.serverAnswered();
            }
            if (status == 413 && pending.size() > 1) {
                // The body is over the server's cap, and nothing of it was applied: halve it until it fits.
                int half = pending.size() / 2;
                fits = Math.min(fits, half);
                if (!splitTold[0]) {
                    splitTold[0] = true;
                    LOG.warn("{} {}: the server refused {} items as too large (HTTP 413); sending at most {} a "
                            + "request", method, url.encodedPath(), pending.size(), half);
                }
                ApiException stop = sendChunk(method, url, items, new ArrayList<>(pending.subList(0, half)),
                        safeToReplay, mode, outcomes, splitTold);
                if (stop != null) {
                    return stop;
                }
                return sendChunk(method, url, items, new ArrayList<>(pending.subList(half, pending.size())),
                        safeToReplay, mode, outcomes, splitTold);
            }
            if (ApiErrors.isRetryable(status) && run.mayRetry(status >= 500)) {
                if (!pause(run, answer.retryAfter(), method, url, "HTTP " + status)) {
                    return cancelBeforeRetry(pending, outcomes, "HTTP " + status, false);
                }
                continue;
            }
            Envelope envelope;
            try {
                envelope = Envelope.parse(answer.body(), status, mode);
            } catch (JsonParseException e) {
                boolean ok = status >= 200 && status < 300;
                if (ok && safeToReplay && run.mayRetry(false)) {
                    if (!pause(run, null, method, url, "unreadable answer")) {
                        markAll(pending, outcomes, true, new ApiError(0, null, "Cancelled after an unreadable answer", null));
                        return new TransportException("Cancelled", true, null);
                    }
                    continue;
                }
                String message = ok ? Transport.unreadable(method, url, answer, e, true).getMessage()
                        : ApiErrors.toException(status, null, null).getMessage();
                markAll(pending, outcomes, ok, new ApiError(ok ? 0 : status, null, message, null));
                return null;
            }
            if (status < 200 || status >= 300) {
                ApiException failure = ApiErrors.toException(status, envelope.firstError(), envelope.requestId());
                if (failure instanceof AuthenticationException && Arrays.stream(outcomes).allMatch(Objects::isNull)) {
                    return failure;
                }
                markAll(pending, outcomes, false, errorOf(failure, status, envelope));
                return null;
            }
            if (envelope.items().size() != pending.size()) {
                markAll(pending, outcomes, true, new ApiError(0, null, "The server answered " + envelope.items().size()
                        + " results for " + pending.size() + " items sent, so they cannot be matched up"
                        + requestIdSuffix(envelope), null));
                return null;
            }
            boolean anyRetryable = false;
            for (Envelope.Item result : envelope.items()) {
                anyRetryable |= !result.success() && ApiErrors.isRetryable(result.code());
            }
            boolean retryItems = anyRetryable && run.mayRetry(false);
            List<Integer> retry = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                int index = pending.get(k);
                Envelope.Item result = envelope.items().get(k);
                if (!result.success() && ApiErrors.isRetryable(result.code()) && retryItems) {
                    retry.add(index);
                } else {
                    outcomes[index] = BulkOutcomes.of(index, result, items.get(index).expectedNumber(), envelope);
                }
            }
            if (!retry.isEmpty()
                    && !pause(run, answer.retryAfter(), method, url, retry.size() + " items throttled or failed")) {
                return cancelBeforeRetry(retry, outcomes, "HTTP 429 or 5xx for these items", false);
            }
            pending = retry;
        }
        return null;
    }

    private static ApiError errorOf(ApiException failure, int status, Envelope envelope) {
        ApiError error = envelope.firstError();
        Integer code = error == null ? null : error.code();
        return new ApiError(status, code, failure.getMessage(), null);
    }

    private static void markAll(List<Integer> pending, ItemOutcome<Contact>[] outcomes, boolean unknown,
            ApiError error) {
        for (int index : pending) {
            outcomes[index] = unknown ? ItemOutcome.unknown(index, error) : ItemOutcome.failure(index, error);
        }
    }

    static String requestIdSuffix(Envelope envelope) {
        return envelope.requestId() == null ? "" : " [request_id " + envelope.requestId() + "]";
    }

    /** Waits before a retry; false when the thread was interrupted (the caller cancelled). */
    private static boolean pause(Retries.Run run, Duration retryAfter, String method, HttpUrl url, String reason) {
        try {
            return run.pause(retryAfter, method, url, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Items whose retry was cancelled: failures when the server did not apply them (429, 5xx, not
     * sent), unknown when an earlier try may have reached it.
     */
    private static TransportException cancelBeforeRetry(List<Integer> pending, ItemOutcome<Contact>[] outcomes,
            String reason, boolean mayHaveReachedServer) {
        TransportException cancelled = new TransportException("Cancelled before retrying (" + reason + ")"
                + (mayHaveReachedServer ? "; an earlier try may have been applied" : "; not applied"),
                mayHaveReachedServer, null);
        markAll(pending, outcomes, mayHaveReachedServer, new ApiError(0, null, cancelled.getMessage(), null));
        return cancelled;
    }
}
