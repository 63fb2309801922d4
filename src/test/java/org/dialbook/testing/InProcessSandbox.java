package org.dialbook.testing;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.app.EnvConnection;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a test starts the real sandbox in-process: an in-memory server on a free port and a
 * client without retries, started before and closed after each test (or once for the class when
 * the field is static).
 *
 * <pre>{@code
 * @RegisterExtension
 * final InProcessSandbox sandbox = InProcessSandbox.inMemory().with(options -> options.seed(3));
 * }</pre>
 */
public final class InProcessSandbox implements BeforeEachCallback, AfterEachCallback, BeforeAllCallback,
        AfterAllCallback {
    private final UnaryOperator<SandboxOptions.Builder> options;
    private boolean perClass;
    private SandboxServer server;
    private ContactsClient client;

    private InProcessSandbox(UnaryOperator<SandboxOptions.Builder> options) {
        this.options = options;
    }

    /** An in-memory sandbox with the default account and no demo contacts. */
    public static InProcessSandbox inMemory() {
        return new InProcessSandbox(UnaryOperator.identity());
    }

    /** The same with more options (seed, demo contacts, clock, accounts...). */
    public InProcessSandbox with(UnaryOperator<SandboxOptions.Builder> more) {
        return new InProcessSandbox(builder -> more.apply(options.apply(builder)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        server = SandboxServer.start(options.apply(SandboxOptions.builder().port(0).inMemory()).build());
        client = ContactsClient.builder(server.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
    }

    private void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        client = null;
        server = null;
    }

    public SandboxServer server() {
        return server;
    }

    /** A client of the default account that does not retry, so a test sees every failure. */
    public ContactsClient client() {
        return client;
    }

    public ConnectionSettings settings() {
        return server.connectionSettings();
    }

    /** The {@code EXOTEL_*} variables that point the CLI at the default account. */
    public Map<String, String> env() {
        SandboxAccount account = server.defaultAccount();
        return Map.of(EnvConnection.BASE_URL, server.baseUrl().toString(), EnvConnection.ACCOUNT_SID,
                account.accountSid(), EnvConnection.API_KEY, account.apiKey(), EnvConnection.API_TOKEN,
                account.apiToken());
    }

    /** How many contacts the default account holds. */
    public int contactCount() {
        return server.contactCount(server.defaultAccount().accountSid());
    }
}
