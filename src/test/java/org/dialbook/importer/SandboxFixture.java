package org.dialbook.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An in-process sandbox, a client on it whose retries advance a shared test clock, and a runner. */
final class SandboxFixture implements AutoCloseable, AfterEachCallback {
    final TestClock clock = TestClock.ticking();
    final SandboxServer sandbox;
    final ContactsClient client;

    SandboxFixture() {
        sandbox = SandboxServer.start(SandboxClocks.withClock(SandboxOptions.builder().port(0).inMemory().seed(42),
                clock).build());
        client = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.5))
                .sleeper(clock::sleep)
                .clock(clock)
                .build();
    }

    ImportRunner runner(Path imports) {
        return new ImportRunner(client, imports, clock, new ValidationPipeline(2));
    }

    /** Every contact in the account, listed with faults off. */
    List<Contact> allContacts() {
        try (Stream<Contact> contacts = client.streamContacts(ListQuery.firstPage())) {
            return contacts.collect(Collectors.toCollection(ArrayList::new));
        }
    }

    List<String> allNumbers() {
        return allContacts().stream().map(Contact::number).sorted().collect(Collectors.toList());
    }

    void faultsOff() {
        sandbox.faults().throttlePerMinute(0).serverErrorFraction(0).item429Fraction(0).lostResponseFraction(0);
    }

    /** As a {@code @RegisterExtension} field: closed after each test, so no test class repeats it. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
