package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.ServerFaultException;
import org.dialbook.api.TransportException;
import org.dialbook.contact.ContactField;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A desktop job that runs with {@code showingWaitsOf}: its progress line says why it waits (the
 * rate budget, an outage), Cancel ends the wait, and an outage pauses the job instead of failing it.
 * Against the in-process sandbox, with a test clock, so no real minute passes.
 */
class JobWaitsTest {
    private final TestClock clock = TestClock.fixed();
    private final List<Runnable> onSleep = new ArrayList<>();
    private SandboxServer sandbox;
    private ContactsClient client;
    private Contact contact;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        client = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.of(Duration.ofSeconds(1), Duration.ofSeconds(4), 3))
                .writesPerMinute(2)
                .clock(clock)
                .sleeper(duration -> {
                    clock.sleep(duration);
                    List.copyOf(onSleep).forEach(Runnable::run);
                })
                .build();
        contact = client.createContacts(List.of(NewContact.builder("+919101234510").firstName("Asha").build()))
                .items().get(0).value();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    /** Records every line the job shows, and can be cancelled from a test. */
    private static final class Recording implements Progress {
        final List<String> lines = new ArrayList<>();
        boolean cancelled;

        @Override
        public void update(long done, long total, String message) {
            lines.add(message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private ContactPatch tagged(String tag) {
        return ContactPatch.empty().with(ContactField.TAG, tag);
    }

    @Test
    void aJobWaitingForTheRateBudgetSaysSoAtItsLastCount() throws Exception {
        Recording progress = new Recording();
        BackgroundTask<Void> task = BackgroundTask.<Void>titled("Editing 3 contacts", work -> {
            for (int i = 1; i <= 3; i++) {
                client.updateContact(contact.sid(), tagged("t" + i));
                work.update(i, 3, "Updated " + i + " of 3");
            }
            return null;
        }).showingWaitsOf(client);

        task.call(progress);

        // The create used one of the two writes a minute, so the second update waits for the budget.
        assertThat(progress.lines).anySatisfy(line -> assertThat(line)
                .startsWith("Waiting for Exotel's rate limit; sending again in ")
                .endsWith(" · Updated 1 of 3"));
        assertThat(progress.lines).last().isEqualTo("Updated 3 of 3");
        assertThat(client.getContact(contact.sid()).tag()).isEqualTo("t3");
    }

    @Test
    void anOutagePausesTheJobUntilTheServerIsBack() throws Exception {
        sandbox.faults().serverErrorFraction(1.0);
        Recording progress = new Recording();
        // The server answers 503 past the policy's three tries, through two outage waits.
        onSleep.add(() -> {
            if (progress.lines.stream().filter(line -> line.startsWith("Exotel unreachable since ")).count() == 2) {
                sandbox.faults().reset();
            }
        });

        BackgroundTask.<Contact>titled("Editing", work -> client.updateContact(contact.sid(), tagged("after")))
                .showingWaitsOf(client).call(progress);

        assertThat(client.getContact(contact.sid()).tag()).isEqualTo("after");
        assertThat(progress.lines).anySatisfy(line -> assertThat(line).startsWith("Exotel unreachable since "));
    }

    @Test
    void withoutAJobTheSameOutageFailsFastAsASingleClickShould() {
        sandbox.faults().serverErrorFraction(1.0);

        Executable click = () -> client.updateContact(contact.sid(), tagged("after"));

        assertThrows(ServerFaultException.class, click);
        // Three tries and their backoff (plus the rate budget), not a pause of many minutes.
        assertThat(clock.slept()).isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void cancelEndsAnOutagePauseAtOnce() {
        sandbox.faults().serverErrorFraction(1.0);
        Recording progress = new Recording();
        onSleep.add(() -> {
            if (progress.lines.stream().anyMatch(line -> line.startsWith("Exotel unreachable"))) {
                progress.cancelled = true;
            }
        });

        Executable job = () -> BackgroundTask.<Contact>titled("Editing",
                work -> client.updateContact(contact.sid(), tagged("after"))).showingWaitsOf(client).call(progress);

        TransportException stopped = assertThrows(TransportException.class, job);
        assertThat(stopped.getMessage()).containsIgnoringCase("cancel");
        // Cancelled within the first outage wait, not after 30 minutes of them.
        assertThat(clock.slept()).isLessThan(Duration.ofMinutes(2));
        sandbox.faults().reset();
        assertThat(client.getContact(contact.sid()).tag()).isNull();
    }

    @Test
    void cancelEndsARateLimitWaitWithinSecondsAndSendsNothing() {
        client.updateContact(contact.sid(), tagged("first"));
        Recording progress = new Recording();
        onSleep.add(() -> {
            if (progress.lines.stream().anyMatch(line -> line.startsWith("Waiting for Exotel's rate limit"))) {
                progress.cancelled = true;
            }
        });
        Duration before = clock.slept();

        Executable job = () -> BackgroundTask.<Contact>titled("Editing",
                work -> client.updateContact(contact.sid(), tagged("second"))).showingWaitsOf(client).call(progress);

        TransportException stopped = assertThrows(TransportException.class, job);
        assertThat(stopped.getMessage()).containsIgnoringCase("cancel");
        // The budget would have held the request for most of a minute; Cancel ended it after one slice.
        assertThat(clock.slept().minus(before)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(client.getContact(contact.sid()).tag()).isEqualTo("first");
    }
}
