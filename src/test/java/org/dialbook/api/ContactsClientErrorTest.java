package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.errorEnvelope;
import static org.dialbook.api.WireFixtures.json;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.dialbook.contact.ContactField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each error status and code becomes its own exception type, with status, code and request id. */
class ContactsClientErrorTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private ContactsClient client;

    @BeforeEach
    void setUp() {
        client = WireFixtures.client(server, RetryPolicy.none(), sleeps);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @ParameterizedTest
    @CsvSource({
        "401, 1010, AuthenticationException",
        "403, 1003, AuthenticationException",
        "404, 1000, NotFoundException",
        "400, 1001, InvalidRequestException",
        "400, 1002, InvalidRequestException",
        "400, 1007, InvalidRequestException",
        "409, 1008, InvalidRequestException",
        "413, 1002, InvalidRequestException",
        "415, 1011, InvalidRequestException",
        "429, , ThrottledException",
        "500, , ServerFaultException",
        "503, , ServerFaultException",
    })
    void eachStatusMapsToItsType(int status, Integer code, String type) {
        server.enqueue(json(status, errorEnvelope("GET", status, code, "Problem", "Details")));

        assertThatThrownBy(() -> client.getContact("0123456789abcdef0123456789abcdef"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.requestId()).isEqualTo("0123456789abcdef0123456789abcdef");
                    assertThat(e.getMessage()).startsWith(status + (code == null ? "" : " / " + code)
                            + " Problem: Details");
                });
    }

    @Test
    void envelopeLevelErrorDataIsReadToo() {
        server.enqueue(json(401, "{\"request_id\":\"abc\",\"method\":\"GET\",\"http_code\":401,"
                + "\"error_data\":{\"code\":1010,\"message\":\"Authentication failed\",\"description\":\"bad key\"}}"));

        assertThatThrownBy(() -> client.getContact("x"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(1010);
                    assertThat(e.getMessage()).contains("Authentication failed: bad key", "region");
                });
    }

    @Test
    void aNonJsonSuccessBodyGivesAClearTransportError() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Welcome to nginx</body></html>").build());

        assertThatThrownBy(() -> client.getContact("x"))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The answer to GET /v2/accounts/exotel8u3/contacts/x "
                            + "(HTTP 200, text/html, 42 characters) is not the Exotel JSON envelope: the body is not "
                            + "valid JSON (truncated or not JSON at all). Is the base URL right?");
                    assertThat(e.getCause()).isNull();
                    assertThat(e.outcomeUnknown()).isFalse();
                });
    }

    @Test
    void aTruncatedJsonBodyGivesAClearTransportError() {
        String seed = WireFixtures.seed("get-200.json");
        server.enqueue(json(200, seed.substring(0, seed.length() / 2)));

        assertThatThrownBy(() -> client.getContact("x"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("not valid JSON (truncated")
                .hasNoCause();
    }

    @Test
    void aBodyCutOffMidStreamIsATransportErrorNotAGsonTrace() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"request_id\":")
                .setHeader("Content-Length", 5000).onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        assertThatThrownBy(() -> client.updateContact("x", ContactPatch.empty().with(ContactField.TAG, "t")))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The answer to PUT /v2/accounts/exotel8u3/contacts/x on ")
                            .contains("was lost after the request was sent");
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }

    @Test
    void aWrongShapeIsNamed() {
        server.enqueue(json(200, "[1,2]"));

        assertThatThrownBy(() -> client.getContact("x"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("the body is an array, not the response envelope object");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        server.enqueue(json(200, "{\"http_code\":200,\"response\":{\"code\":200,\"status\":\"success\","
                + "\"data\":{\"sid\":\"s\",\"number\":{\"oops\":1}}}}"));

        assertThatThrownBy(() -> client.getContact("s"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("field 'number' should be text but is an object");
    }

    @Test
    void anHtmlErrorPageStillMapsByStatus() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());

        assertThatThrownBy(() -> client.getContact("x"))
                .isInstanceOfSatisfying(ServerFaultException.class, e -> assertThat(e.httpStatus()).isEqualTo(502));
    }

    @Test
    void aRefusedConnectionIsATransportErrorWithNothingSent() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        ConnectionSettings settings = ConnectionSettings.forBaseUrl("http://127.0.0.1:" + deadPort,
                WireFixtures.ACCOUNT, WireFixtures.KEY, WireFixtures.TOKEN);
        try (ContactsClient dead = ContactsClient.builder(settings).retryPolicy(RetryPolicy.none())
                .sleeper(sleeps::add).build()) {
            assertThatThrownBy(() -> dead.getContact("x"))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.getMessage()).startsWith("Could not reach 127.0.0.1:" + deadPort)
                                .endsWith("nothing was sent");
                        assertThat(e.outcomeUnknown()).isFalse();
                        assertThat(e.httpStatus()).isZero();
                    });
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://elsewhere.example/")
                .build());

        assertThatThrownBy(() -> client.getContact("x")).isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
