package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Test connection" against the in-process sandbox: each outcome named exactly. */
class ConnectionTesterTest {
    /** One server for the class: the tests only read, and reset its faults before each. */
    @RegisterExtension
    static final InProcessSandbox SANDBOX = InProcessSandbox.inMemory()
            .with(options -> options.demoContacts(7).seed(4));
    private final ConnectionTester tester = new ConnectionTester();

    @BeforeEach
    void noFaults() {
        SANDBOX.server().faults().reset();
    }

    private static ConnectionSettings settings(String accountSid, String token) {
        return ConnectionSettings.forBaseUrl(SANDBOX.server().baseUrl().toString(), accountSid, "sandbox-key", token);
    }

    @Test
    void theRightCredentialsConnectAndCountTheContacts() {
        ConnectionTester.Result result = tester.test(SANDBOX.settings());

        assertThat(result.ok()).isTrue();
        assertThat(result.contacts()).isEqualTo(7);
        assertThat(result.message()).isEqualTo("Connected to 127.0.0.1: the account has 7 contacts.");
    }

    @Test
    void aWrongTokenIsA401ThatPointsAtTheKeyTokenAndRegion() {
        ConnectionTester.Result result = tester.test(settings("sandbox", "wrong-token-77"));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("Wrong API key, API token or region (401)")
                .contains("a dashboard at my.mum1.exotel.com means Mumbai").containsPattern("request id [0-9a-f]{32}")
                .doesNotContain("wrong-token-77").doesNotContain("sandbox-key");
    }

    @Test
    void anotherAccountsSidIsA403() {
        ConnectionTester.Result result = tester.test(settings("someone-else", "sandbox-token"));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("Exotel refused access to account 'someone-else' (403)");
    }

    @Test
    void throttlingSaysToWaitNotThatTheSettingsAreWrong() {
        SANDBOX.server().faults().throttlePerMinute(1);
        tester.test(SANDBOX.settings());

        ConnectionTester.Result result = tester.test(SANDBOX.settings());

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("Exotel is throttling requests (429 Too Many Requests)")
                .contains("wait a minute");
    }

    @Test
    void aServerFaultIsTheirSide() {
        SANDBOX.server().faults().serverErrorFraction(1.0);

        ConnectionTester.Result result = tester.test(SANDBOX.settings());

        assertThat(result.message()).startsWith("Exotel answered with a server error (500)");
    }

    @Test
    void nothingListeningIsNoConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings nowhere = ConnectionSettings.forBaseUrl("http://127.0.0.1:" + closedPort, "sandbox",
                "sandbox-key", "sandbox-token");

        ConnectionTester.Result result = tester.test(nowhere);

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("No connection to 127.0.0.1: Could not reach 127.0.0.1:" + closedPort)
                .endsWith("Check the network connection, proxy or firewall.");
    }

    @Test
    void anUntrustedCertificateIsExplainedInWordsNotAsAJavaException() {
        org.dialbook.api.ConnectionSettings settings = org.dialbook.api.ConnectionSettings.forBaseUrl(
                "https://api.exotel.com", "acme", "key", "token");
        javax.net.ssl.SSLHandshakeException tls = new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException");
        String text = ConnectionTester.explain(settings,
                new org.dialbook.api.TransportException(tls.toString(), false, tls));
        org.assertj.core.api.Assertions.assertThat(text).contains("does not trust the certificate")
                .contains("api.exotel.com").doesNotContain("PKIX").doesNotContain("sun.security");
    }
}
