package org.dialbook.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Sends a bulk list call ({@code {"<arrayName>": [...]}}) with the retry rules of the contact calls:
 * split at {@code maxBatchSize}, retry only the items that failed with 429 or 5xx, never replay a
 * request that is not safe to replay once it was written (those items become UNKNOWN, for the
 * caller to settle by reading back). The contacts' {@link BulkSender} is bound to contacts; this is
 * the same rule set for any item type. It throws only when the first request is refused as a
 * whole: bad credentials (401/403) or a missing parent resource (404, an unknown list).
 */
final class ItemBatches {
    /** Turns one successful or failed answer item into the caller's outcome. */
    interface Reader<T> {
        ItemOutcome<T> read(int index, Envelope.Item item, Envelope envelope);
    }

    private final HttpExecutor executor;
    private final Retries retries;
    private final int maxBatchSize;

    ItemBatches(HttpExecutor executor, Retries retries, int maxBatchSize) {
        this.executor = executor;
        this.retries = retries;
        this.maxBatchSize = maxBatchSize;
    }

    <T> BulkResult<T> send(String method, HttpUrl url, String arrayName, List<JsonObject> items, boolean safeToReplay,
            Reader<T> reader) {
        @SuppressWarnings("unchecked")
        ItemOutcome<T>[] outcomes = new ItemOutcome[items.size()];
        for (int from = 0; from < items.size(); from += maxBatchSize) {
            int to = Math.min(items.size(), from + maxBatchSize);
            List<Integer> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(i);
            }
            ApiException stop = sendChunk(method, url, arrayName, items, chunk, safeToReplay, reader, outcomes);
            if (stop != null) {
                if (refusesTheWholeCall(stop) && from == 0) {
                    throw stop;
                }
                for (int i = from; i < items.size(); i++) {
                    if (outcomes[i] == null) {
                        outcomes[i] = ItemOutcome.failure(i, stop.toApiError());
                    }
                }
                break;
            }
        }
        return new BulkResult<>(Arrays.asList(outcomes));
    }

    private <T> ApiException sendChunk(String method, HttpUrl url, String arrayName, List<JsonObject> items,
            List<Integer> chunk, boolean safeToReplay, Reader<T> reader, ItemOutcome<T>[] outcomes) {
        List<Integer> pending = chunk;
        Retries.Run run = retries.start();
        while (!pending.isEmpty()) {
            List<JsonObject> body = new ArrayList<>(pending.size());
            pending.forEach(index -> body.add(items.get(index)));
            Exchange exchange = executor.execute(method, url, ListJson.wrap(arrayName, body).toString());
            if (exchange instanceof Exchange.Failed failed) {
                boolean cancelled = HttpExecutor.wasCancelled(failed);
                if ((!failed.requestSent() || safeToReplay) && !cancelled && run.mayRetry(true)) {
                    if (!pause(run, null, method, url, failed.cause().getClass().getSimpleName())) {
                        return markAll(pending, outcomes, failed.requestSent(), "Cancelled before retrying");
                    }
                    continue;
                }
                TransportException error = Transport.failure(method, url, failed);
                markAll(pending, outcomes, failed.requestSent(), error.getMessage());
                return cancelled ? error : null;
            }
            Exchange.Answered answer = (Exchange.Answered) exchange;
            int status = answer.status();
            if (status < 500) {
                retries.serverAnswered();
            }
            if (ApiErrors.isRetryable(status) && run.mayRetry(status >= 500)) {
                if (!pause(run, answer.retryAfter(), method, url, "HTTP " + status)) {
                    return markAll(pending, outcomes, false, "Cancelled before retrying (HTTP " + status + ")");
                }
                continue;
            }
            Envelope envelope;
            try {
                envelope = Envelope.parse(answer.body(), status);
            } catch (JsonParseException e) {
                boolean ok = status >= 200 && status < 300;
                String message = ok ? Transport.unreadable(method, url, answer, e, true).getMessage()
                        : ApiErrors.toException(status, null, null).getMessage();
                mark(pending, outcomes, ok, new ApiError(ok ? 0 : status, null, message, null));
                return null;
            }
            if (status < 200 || status >= 300) {
                ApiException failure = ApiErrors.toException(status, envelope.firstError(), envelope.requestId());
                if (refusesTheWholeCall(failure) && Arrays.stream(outcomes).allMatch(Objects::isNull)) {
                    return failure;
                }
                ApiError error = envelope.firstError();
                mark(pending, outcomes, false,
                        new ApiError(status, error == null ? null : error.code(), failure.getMessage(), null));
                return null;
            }
            if (envelope.items().size() != pending.size()) {
                mark(pending, outcomes, true, new ApiError(0, null, "The server answered " + envelope.items().size()
                        + " results for " + pending.size() + " items sent, so they cannot be matched up"
                        + BulkSender.requestIdSuffix(envelope), null));
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
                    outcomes[index] = reader.read(index, result, envelope);
                }
            }
            if (!retry.isEmpty()
                    && !pause(run, answer.retryAfter(), method, url, retry.size() + " items throttled or failed")) {
                return markAll(retry, outcomes, false, "Cancelled before retrying throttled items");
            }
            pending = retry;
        }
        return null;
    }

    /**
     * Bad credentials, or a list that does not exist: nothing in the call can work, so it throws
     * rather than fail every item alike.
     */
    private static boolean refusesTheWholeCall(ApiException failure) {
        return failure instanceof AuthenticationException || failure instanceof NotFoundException;
    }

    /** The failure item of an answer, with a message when the server gave no {@code error_data}. */
    static ApiError errorOf(Envelope.Item result, Envelope envelope) {
        return result.error() != null ? result.error()
                : new ApiError(result.code(), null, "Failed", "the server gave no error_data"
                        + BulkSender.requestIdSuffix(envelope));
    }

    private static <T> void mark(List<Integer> pending, ItemOutcome<T>[] outcomes, boolean unknown, ApiError error) {
        for (int index : pending) {
            outcomes[index] = unknown ? ItemOutcome.unknown(index, error) : ItemOutcome.failure(index, error);
        }
    }

    private static <T> TransportException markAll(List<Integer> pending, ItemOutcome<T>[] outcomes, boolean unknown,
            String message) {
        TransportException cancelled = new TransportException(message, unknown, null);
        mark(pending, outcomes, unknown, new ApiError(0, null, message, null));
        return cancelled;
    }

    /** Waits before a retry (an outage waits as the contact calls do); false when cancelled or interrupted. */
    private static boolean pause(Retries.Run run, Duration retryAfter, String method, HttpUrl url, String reason) {
        try {
            return run.pause(retryAfter, method, url, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
