package org.dialbook.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request and reports an {@link Exchange}; it never retries (that is
 * {@link ContactsClient}'s decision, which depends on the call). It knows whether a failed request
 * had started to be written, which is what separates "safe to retry" from "outcome unknown".
 */
final class HttpExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpExecutor.class);
    // Exactly "application/json" as docs/CONTRACT.md says; JSON is UTF-8 by definition (RFC 8259), and
    // creating the body from bytes stops OkHttp from appending "; charset=utf-8".
    private static final MediaType JSON = MediaType.get("application/json");
    /** Tries on a new connection after finding pooled ones closed; more means the server drops them at once. */
    private static final int MAX_STALE_RESENDS = 3;
    /** A hostile or confused reset header cannot stall us longer than the retry cap. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final RateLimiter rateLimiter;
    private final RateLimiter writes;
    private final RateLimiter reads;
    private final Clock clock;
    private final SendTracker tracker;

    HttpExecutor(OkHttpClient http, RateLimiter rateLimiter) {
        this(http, rateLimiter, null, null, Clock.systemUTC(), null);
    }

    /**
     * @param writes the account's write budget (POST, PUT, DELETE), or null for none
     * @param reads the account's read budget (GET), or null for none
     */
    HttpExecutor(OkHttpClient http, RateLimiter rateLimiter, RateLimiter writes, RateLimiter reads, Clock clock,
            SendTracker tracker) {
        this.tracker = tracker;
        this.http = http;
        this.rateLimiter = rateLimiter;
        this.writes = writes;
        this.reads = reads;
        this.clock = clock;
    }

    private RateLimiter budgetOf(String method) {
        return "GET".equals(method) ? reads : writes;
    }

    /**
     * What one attempt did on the wire, set by {@link SendTracker}: whether the request started going
     * out, whether the pooled connection it got was already closed by the server, and whether any
     * response headers came back.
     */
    static final class SendState {
        private volatile boolean sent;
        private volatile boolean connected;
        private volatile boolean closedBeforeWrite;
        private volatile boolean answered;
        private volatile Connection connection;

        boolean sent() {
            return sent;
        }

        boolean closedBeforeWrite() {
            return closedBeforeWrite;
        }
    }

    /**
     * OkHttp event listener that fills {@link SendState}. When a call takes a connection from the
     * pool it checks, before anything is written, whether the server has already closed it: either
     * the socket is at end of stream (an idle timeout on the server or a load balancer), or the
     * previous answer on it came over HTTP/1.0 without keep-alive, which closes after every answer.
     */
    static final class SendTracker extends EventListener {
        private final Set<Connection> closeAfterAnswer = Collections.newSetFromMap(new WeakHashMap<>());
        private volatile boolean serverClosesAfterAnswer;

        /** True once the server answered over HTTP/1.0 without keep-alive: it closes every connection. */
        boolean serverClosesAfterAnswer() {
            return serverClosesAfterAnswer;
        }

        private static SendState state(Call call) {
            return call.request().tag(SendState.class);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            SendState state = state(call);
            if (state != null) {
                state.connected = true;
            }
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            SendState state = state(call);
            if (state == null) {
                return;
            }
            state.connection = connection;
            if (state.connected) {
                return;
            }
            boolean closesAfterAnswer;
            synchronized (closeAfterAnswer) {
                closesAfterAnswer = closeAfterAnswer.remove(connection);
            }
            state.closedBeforeWrite = closesAfterAnswer || atEndOfStream(connection.socket());
        }

        @Override
        public void requestHeadersStart(Call call) {
            SendState state = state(call);
            if (state != null) {
                state.sent = true;
            }
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            SendState state = state(call);
            if (state == null) {
                return;
            }
            state.answered = true;
            boolean keepAlive = "keep-alive".equalsIgnoreCase(response.header("Connection"));
            if (response.protocol() == Protocol.HTTP_1_0 && !keepAlive && state.connection != null) {
                serverClosesAfterAnswer = true;
                synchronized (closeAfterAnswer) {
                    closeAfterAnswer.add(state.connection);
                }
            }
        }

        /**
         * True when the peer has closed this idle socket. It reads with a 1 ms timeout, as OkHttp's own
         * health check does; an idle HTTP/1.1 connection carries no data, so nothing is taken from
         * the next answer.
         */
        private static boolean atEndOfStream(Socket socket) {
            try {
                int timeout = socket.getSoTimeout();
                try {
                    socket.setSoTimeout(1);
                    return socket.getInputStream().read() < 0;
                } finally {
                    socket.setSoTimeout(timeout);
                }
            } catch (SocketTimeoutException open) {
                return false;
            } catch (IOException closed) {
                return true;
            }
        }
    }

    Exchange execute(String method, okhttp3.HttpUrl url, String jsonBody) {
        return execute(method, url, jsonBody == null ? null : jsonBody(jsonBody));
    }

    /** A JSON request body as docs/CONTRACT.md wants it: UTF-8, Content-Type exactly application/json. */
    static RequestBody jsonBody(String json) {
        return RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON);
    }

    /**
     * As {@link #execute(String, okhttp3.HttpUrl, String)}, with a body that writes itself to the
     * socket. The body must be writable more than once: a stale pooled connection sends it again.
     */
    Exchange execute(String method, okhttp3.HttpUrl url, RequestBody body) {
        RateLimiter budget = budgetOf(method);
        try {
            if (budget != null && !budget.acquire() || !rateLimiter.acquire()) {
                return new Exchange.Failed(new InterruptedIOException("Cancelled while waiting for the rate limit"),
                        false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed(new InterruptedIOException("interrupted while waiting under the rate cap"), false);
        }
        for (int attempt = 1; ; attempt++) {
            SendState state = new SendState();
            Request.Builder builder = new Request.Builder().url(url).method(method, body).tag(SendState.class, state)
                    .header("Accept", "application/json");
            if (tracker != null && tracker.serverClosesAfterAnswer()) {
                // Said so that the connection is not pooled: the server will close it after answering.
                builder.header("Connection", "close");
            }
            long started = System.nanoTime();
            Exchange.Answered answered;
            try (Response response = http.newCall(builder.build()).execute()) {
                String text = readBody(response.body());
                LOG.debug("{} {} -> {} in {} ms", method, url.encodedPath(), response.code(), millisSince(started));
                if (budget != null) {
                    holdIfSpent(budget, response);
                }
                answered = new Exchange.Answered(response.code(), text, response.header("Content-Type"),
                        retryAfter(response.header("Retry-After")));
            } catch (IOException e) {
                LOG.debug("{} {} failed after {} ms ({}; request sent: {}; onto a closed connection: {})", method,
                        url.encodedPath(), millisSince(started), e.getClass().getSimpleName(), state.sent(),
                        state.closedBeforeWrite());
                if (!wasStale(state, e)) {
                    return new Exchange.Failed(e, state.sent());
                }
                // The server had closed this pooled connection before our request reached it, so it
                // never saw the request: sending again on a new connection cannot make a duplicate.
                http.connectionPool().evictAll();
                if (attempt >= MAX_STALE_RESENDS) {
                    return new Exchange.Failed(e, false);
                }
                LOG.info("{} {}: the server had already closed the pooled connection ({}); sending again on a new one",
                        method, url.encodedPath(), e.getClass().getSimpleName());
                continue;
            }
            if (tracker != null && tracker.serverClosesAfterAnswer()) {
                // The connection just returned to the pool is closing at the far end: never reuse it.
                http.connectionPool().evictAll();
            }
            return answered;
        }
    }

    /**
     * True when the request went out on a pooled connection that the server had closed before it was
     * written, and no answer came back: the server never saw it. A failure on a connection that was
     * open when we wrote may follow a request the server did receive; that stays unknown.
     */
    static boolean wasStale(SendState state, IOException failure) {
        return state.closedBeforeWrite && !state.answered && !(failure instanceof SocketTimeoutException)
                && !Thread.currentThread().isInterrupted();
    }

    /**
     * Reads {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}: when nothing remains, the
     * next request of this kind waits for the reset instead of drawing a 429. Reset is read as seconds
     * from now, or as epoch seconds when it is that large (the vendor's page does not say which).
     */
    private void holdIfSpent(RateLimiter budget, Response response) {
        String remaining = response.header("X-RateLimit-Remaining");
        String reset = response.header("X-RateLimit-Reset");
        if (remaining == null || reset == null || !remaining.trim().matches("\\d{1,9}")
                || !reset.trim().matches("\\d{1,12}")) {
            return;
        }
        if (Integer.parseInt(remaining.trim()) > 0) {
            return;
        }
        long value = Long.parseLong(reset.trim());
        Instant now = clock.instant();
        Instant until = value > 1_000_000_000L ? Instant.ofEpochSecond(value) : now.plusSeconds(value);
        if (until.isAfter(now.plus(MAX_HOLD))) {
            until = now.plus(MAX_HOLD);
        }
        budget.holdUntil(until);
    }

    /**
     * True when the caller's thread was interrupted (a cancelled task): that is no reason to retry.
     * A {@link SocketTimeoutException} is an {@link InterruptedIOException} too, but a timeout.
     */
    static boolean wasCancelled(Exchange.Failed failed) {
        return Thread.currentThread().isInterrupted()
                || (failed.cause() instanceof InterruptedIOException && !(failed.cause() instanceof SocketTimeoutException));
    }

    private static String readBody(ResponseBody body) throws IOException {
        return body == null ? "" : body.string();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Retry-After in delta-seconds (the form Exotel uses); HTTP dates are ignored. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (!value.matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
