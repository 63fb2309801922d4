package org.dialbook.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a bulk call, of contacts or of any other items ({@code {"lists": [...]}}, {@code
 * {"contact_references": [...]}}), by one set of rules: split into requests of at most {@code
 * maxBatchSize} items (halved while the server refuses a body as too large), retry only the items
 * that failed with 429 or 5xx, never replay a request that is not safe to replay once it was written
 * (those items become UNKNOWN, for the caller to settle by reading back), and merge every item's
 * outcome back into the caller's order with the caller's indexes. Partial failure is data; it
 * throws only when the very first request is refused in a way that no item could escape (bad
 * credentials; for the Lists API also a list that does not exist).
 */
final class BulkSender {
    private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

    /** One contact to send: what writes its JSON, and the number the server must echo back (null: don't check). */
    record Item(ContactJson.ItemWriter json, String expectedNumber) {
    }

    /** Turns one item of a 2xx answer into the caller's outcome. */
    @FunctionalInterface
    interface Reader<T> {
        ItemOutcome<T> read(int index, Envelope.Item item, Envelope envelope);
    }

    /**
     * What one bulk call sends, and how its answers are read.
     *
     * @param body the request body for the items at these indexes, in this order
     * @param reader each answer item of a 2xx answer into the caller's outcome
     * @param mode how each answer item's {@code data} is read
     * @param refusesTheWholeCall true when this failure of the first request leaves no item a chance:
     *     it is thrown instead
     */
    private record Call<T>(Function<List<Integer>, RequestBody> body, Reader<T> reader, Envelope.DataMode mode,
            Predicate<ApiException> refusesTheWholeCall) {
    }

    private final HttpExecutor executor;
    private final Retries retries;
    private final int maxBatchSize;
    /**
     * The most items a request has been found to hold under the server's body cap (413 halves it).
     * Shared by calls running at once (two imports' batches in flight), so it only ever goes down.
     */
    private final AtomicInteger fits = new AtomicInteger(Integer.MAX_VALUE);

    BulkSender(HttpExecutor executor, Retries retries, int maxBatchSize) {
        this.executor = executor;
        this.retries = retries;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * Contacts, each answer read into a whole contact.
     *
     * @param safeToReplay false for create: with no idempotency key, replaying a create whose answer
     *     was lost could make duplicates, so such items become UNKNOWN instead
     */
    BulkResult<Contact> send(String method, HttpUrl url, List<Item> items, boolean safeToReplay) {
        return send(method, url, items, safeToReplay, Envelope.DataMode.CONTACT);
    }

    /** As {@link #send(String, HttpUrl, List, boolean)}, reading each answered contact as {@code mode} says. */
    BulkResult<Contact> send(String method, HttpUrl url, List<Item> items, boolean safeToReplay,
            Envelope.DataMode mode) {
        Function<List<Integer>, RequestBody> body = indexes -> {
            List<ContactJson.ItemWriter> writers = new ArrayList<>(indexes.size());
            indexes.forEach(index -> writers.add(items.get(index).json()));
            return ContactJson.bulkBody(writers);
        };
        Reader<Contact> reader = (index, item, envelope) ->
                BulkOutcomes.of(index, item, items.get(index).expectedNumber(), envelope);
        return send(method, url, items.size(), safeToReplay,
                new Call<>(body, reader, mode, failure -> failure instanceof AuthenticationException));
    }

    /**
     * Items of the Lists API, sent as {@code {"<arrayName>": [...]}} and read by {@code reader}. A
     * list that does not exist (404) refuses the whole call, as bad credentials do.
     */
    <T> BulkResult<T> send(String method, HttpUrl url, String arrayName, List<JsonObject> items, boolean safeToReplay,
            Reader<T> reader) {
        Function<List<Integer>, RequestBody> body = indexes -> {
            List<JsonObject> array = new ArrayList<>(indexes.size());
            indexes.forEach(index -> array.add(items.get(index)));
            return HttpExecutor.jsonBody(ListJson.wrap(arrayName, array).toString());
        };
        return send(method, url, items.size(), safeToReplay, new Call<>(body, reader, Envelope.DataMode.TREE,
                failure -> failure instanceof AuthenticationException || failure instanceof NotFoundException));
    }

    /** Sends {@code count} items, indexed 0 to count - 1, as {@code call} writes and reads them. */
    private <T> BulkResult<T> send(String method, HttpUrl url, int count, boolean safeToReplay, Call<T> call) {
        return new Sending<>(method, url, count, safeToReplay, call).all();
    }

    /** One bulk call in progress: its items' outcomes so far. */
    private final class Sending<T> {
        private final String method;
        private final HttpUrl url;
        private final boolean safeToReplay;
        private final Call<T> call;
        private final ItemOutcome<T>[] outcomes;
        /** The 413 warning is logged once a call. */
        private boolean splitTold;

        @SuppressWarnings("unchecked")
        Sending(String method, HttpUrl url, int count, boolean safeToReplay, Call<T> call) {
            this.method = method;
            this.url = url;
            this.safeToReplay = safeToReplay;
            this.call = call;
            this.outcomes = new ItemOutcome[count];
        }

        BulkResult<T> all() {
            int from = 0;
            while (from < outcomes.length) {
                int to = Math.min(outcomes.length, from + Math.min(maxBatchSize, fits.get()));
                List<Integer> chunk = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    chunk.add(i);
                }
                LOG.debug("{} {}: items {}..{} of {}", method, url.encodedPath(), from, to - 1, outcomes.length);
                ApiException stop = chunk(chunk);
                if (stop != null) {
                    if (call.refusesTheWholeCall().test(stop) && from == 0) {
                        throw stop;
                    }
                    // Credentials stopped working mid-way, or the caller cancelled: keep what was done,
                    // and fail the rest, which was never sent.
                    for (int i = from; i < outcomes.length; i++) {
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
         * Fills the chunk's outcomes. Returns why the whole call must stop (the call is refused as a
         * whole, or the thread was interrupted), or null to go on with the next chunk.
         */
        private ApiException chunk(List<Integer> chunk) {
            List<Integer> pending = chunk;
            Retries.Run run = retries.start();
            while (!pending.isEmpty()) {
                Exchange exchange = executor.execute(method, url, call.body().apply(pending));
                if (exchange instanceof Exchange.Failed failed) {
                    boolean cancelled = HttpExecutor.wasCancelled(failed);
                    if ((!failed.requestSent() || safeToReplay) && !cancelled && run.mayRetry(true)) {
                        if (!pause(run, null, failed.cause().getClass().getSimpleName())) {
                            return cancelBeforeRetry(pending, "the connection failed", failed.requestSent());
                        }
                        continue;
                    }
                    TransportException error = Transport.failure(method, url, failed);
                    mark(pending, failed.requestSent(), new ApiError(0, null, error.getMessage(), null));
                    return cancelled ? error : null;
                }
                Exchange.Answered answer = (Exchange.Answered) exchange;
                int status = answer.status();
                if (status < 500) {
                    retries.serverAnswered();
                }
                if (status == 413 && pending.size() > 1) {
                    return halve(pending);
                }
                if (ApiErrors.isRetryable(status) && run.mayRetry(status >= 500)) {
                    if (!pause(run, answer.retryAfter(), "HTTP " + status)) {
                        return cancelBeforeRetry(pending, "HTTP " + status, false);
                    }
                    continue;
                }
                Envelope envelope;
                try {
                    envelope = Envelope.parse(answer.body(), status, call.mode());
                } catch (JsonParseException e) {
                    boolean ok = status >= 200 && status < 300;
                    if (ok && safeToReplay && run.mayRetry(false)) {
                        if (!pause(run, null, "unreadable answer")) {
                            mark(pending, true, new ApiError(0, null, "Cancelled after an unreadable answer", null));
                            return new TransportException("Cancelled", true, null);
                        }
                        continue;
                    }
                    String message = ok ? Transport.unreadable(method, url, answer, e, true).getMessage()
                            : ApiErrors.toException(status, null, null).getMessage();
                    mark(pending, ok, new ApiError(ok ? 0 : status, null, message, null));
                    return null;
                }
                if (status < 200 || status >= 300) {
                    ApiException failure = ApiErrors.toException(status, envelope.firstError(), envelope.requestId());
                    if (call.refusesTheWholeCall().test(failure) && Arrays.stream(outcomes).allMatch(Objects::isNull)) {
                        return failure;
                    }
                    ApiError first = envelope.firstError();
                    mark(pending, false, new ApiError(status, first == null ? null : first.code(), failure.getMessage(),
                            null));
                    return null;
                }
                if (envelope.items().size() != pending.size()) {
                    mark(pending, true, new ApiError(0, null, "The server answered " + envelope.items().size()
                            + " results for " + pending.size() + " items sent, so they cannot be matched up"
                            + requestIdSuffix(envelope), null));
                    return null;
                }
                pending = settle(pending, envelope, run);
                if (!pending.isEmpty()
                        && !pause(run, answer.retryAfter(), pending.size() + " items throttled or failed")) {
                    return cancelBeforeRetry(pending, "HTTP 429 or 5xx for these items", false);
                }
            }
            return null;
        }

        /** The body is over the server's cap, and nothing of it was applied: halve it until it fits. */
        private ApiException halve(List<Integer> pending) {
            int half = pending.size() / 2;
            fits.accumulateAndGet(half, Math::min);
            if (!splitTold) {
                splitTold = true;
                LOG.warn("{} {}: the server refused {} items as too large (HTTP 413); sending at most {} a request",
                        method, url.encodedPath(), pending.size(), half);
            }
            ApiException stop = chunk(new ArrayList<>(pending.subList(0, half)));
            return stop != null ? stop : chunk(new ArrayList<>(pending.subList(half, pending.size())));
        }

        /** Records each answered item's outcome; returns the items to send again (429 or 5xx, retries left). */
        private List<Integer> settle(List<Integer> pending, Envelope envelope, Retries.Run run) {
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
                    outcomes[index] = call.reader().read(index, result, envelope);
                }
            }
            return retry;
        }

        private void mark(List<Integer> pending, boolean unknown, ApiError error) {
            for (int index : pending) {
                outcomes[index] = unknown ? ItemOutcome.unknown(index, error) : ItemOutcome.failure(index, error);
            }
        }

        /**
         * Items whose retry was cancelled: failures when the server did not apply them (429, 5xx, not
         * sent), unknown when an earlier try may have reached it.
         */
        private TransportException cancelBeforeRetry(List<Integer> pending, String reason, boolean mayHaveReachedServer) {
            TransportException cancelled = new TransportException("Cancelled before retrying (" + reason + ")"
                    + (mayHaveReachedServer ? "; an earlier try may have been applied" : "; not applied"),
                    mayHaveReachedServer, null);
            mark(pending, mayHaveReachedServer, new ApiError(0, null, cancelled.getMessage(), null));
            return cancelled;
        }

        /** Waits before a retry; false when the thread was interrupted (the caller cancelled). */
        private boolean pause(Retries.Run run, Duration retryAfter, String reason) {
            try {
                return run.pause(retryAfter, method, url, reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static String requestIdSuffix(Envelope envelope) {
        return envelope.requestId() == null ? "" : " [request_id " + envelope.requestId() + "]";
    }
}
