package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code contacts create} whose answer is dropped on a fresh connection: the outcome is unknown (the
 * server may have acted), so the command checks the account and says "created" or "not created".
 */
class CreateLostAnswerCliTest {
    private static final String NUMBER = "+919101234510";

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.seed(3));
    private SandboxServer sandbox;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        SandboxAccount account = sandbox.defaultAccount();
        env = CliRun.env(sandbox.baseUrl().toString(), account.accountSid(), account.apiKey(), account.apiToken());
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundInTheAccountAndReportedCreated() {
        CliRun.contacts(env, "create", "--number", "+919101234599");
        sandbox.faults().loseNextResponses(1);

        CliRun run = CliRun.contacts(env, "create", "--number", NUMBER, "--first-name", "Asha");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Outcome unknown (").contains("checking the account for " + NUMBER);
        assertThat(run.out()).containsPattern("Created \\+919101234510 \\(sid [0-9a-f]{32}\\); confirmed in the account");
        assertThat(sandbox.contactCount(sandbox.defaultAccount().accountSid())).isEqualTo(2);
    }
}
