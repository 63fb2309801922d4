package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.AUTHORIZATION;
import static org.dialbook.api.WireFixtures.TOKEN;
import static org.dialbook.api.WireFixtures.errorEnvelope;
import static org.dialbook.api.WireFixtures.json;
import static org.dialbook.api.WireFixtures.seed;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Credentials stay off the wire to other hosts, out of logs, messages and toString(). */
class ContactsClientSecurityTest {
    private static final String ENCODED = AUTHORIZATION.substring("Basic ".length());

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @StartStop
    private final MockWebServer otherHost = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger dialbook = (Logger) LoggerFactory.getLogger("org.dialbook");
    private Level dialbookLevel;
    private Level rootLevel;

    @BeforeEach
    void captureLogs() {
        dialbookLevel = dialbook.getLevel();
        rootLevel = root.getLevel();
        dialbook.setLevel(Level.DEBUG);
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(appender);
        dialbook.setLevel(dialbookLevel);
        root.setLevel(rootLevel);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyRequest() {
        String url = "http://" + "api.exotel.com";
        assertThatThrownBy(() -> ConnectionSettings.forBaseUrl(url, "acct", "key", TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plain http is allowed only for this computer (localhost); use https for api.exotel.com")
                .hasMessageNotContaining(TOKEN);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theAuthHeaderGoesOnlyToTheConfiguredHost() throws Exception {
        BasicAuthInterceptor interceptor = new BasicAuthInterceptor(server.url("/"), WireFixtures.KEY, TOKEN);
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(interceptor).build();
        server.enqueue(new MockResponse.Builder().code(204).build());
        otherHost.enqueue(new MockResponse.Builder().code(204).build());

        try (Response ours = http.newCall(new Request.Builder().url(server.url("/x")).build()).execute();
                Response theirs = http.newCall(new Request.Builder().url(otherHost.url("/x")).build()).execute()) {
            assertThat(ours.code()).isEqualTo(204);
            assertThat(theirs.code()).isEqualTo(204);
        }

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(AUTHORIZATION);
        assertThat(otherHost.takeRequest().getHeaders().get("Authorization")).isNull();
        assertThat(interceptor.toString()).doesNotContain(TOKEN, ENCODED);
    }

    @Test
    void theTokenReachesNoLogMessageOrToString() {
        server.enqueue(json(401, errorEnvelope("GET", 401, 1010, "Unauthorized", "Authentication failed")));
        server.enqueue(new MockResponse.Builder().code(200).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(json(200, "not json"));
        server.enqueue(json(207, seed("create-207.json")));
        List<Throwable> failures = new ArrayList<>();
        ContactsClient client = WireFixtures.client(server, RetryPolicy.of(Duration.ZERO, Duration.ZERO, 2), sleeps);
        try {
            failures.add(catchFailure(() -> client.getContact("a")));
            BulkResult<Contact> lost = client.createContacts(List.of(NewContact.of("+919101234511")));
            assertThat(lost.unknowns()).hasSize(1);
            failures.add(catchFailure(() -> client.getContact("b")));
            client.createContacts(List.of(NewContact.of("+919101234511"), NewContact.of("+919101234510")));
            assertThat(client.toString()).doesNotContain(TOKEN, ENCODED, WireFixtures.KEY);
            assertThat(client.settings().toString()).doesNotContain(TOKEN, ENCODED);
            assertThat(lost.toString()).doesNotContain(TOKEN, ENCODED);
        } finally {
            client.close();
        }

        assertThat(failures).hasSize(2).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(TOKEN, ENCODED);
        }
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertThat(logged).doesNotContain(TOKEN, ENCODED);
        }
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ApiException e) {
            return e;
        }
    }
}
