package org.dialbook.mirror;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;

/**
 * An in-process sandbox and a client on it that never retries (so a 429 surfaces), sharing a clock
 * that the read gate's sleeper advances instead of waiting.
 */
final class MirrorFixture implements AutoCloseable {
    final FakeTime time = new FakeTime();
    final SandboxServer sandbox;
    final ContactsClient client;
    final Path data;

    MirrorFixture(Path data) {
        this(data, false);
    }

    /**
     * @param exotelLimits the sandbox keeps Exotel's budgets (30 writes, 300 reads a minute), and the
     *     client keeps to the same read budget, counted on the fixture's clock
     */
    MirrorFixture(Path data, boolean exotelLimits) {
        this.data = data;
        sandbox = SandboxServer.start(SandboxClocks.withClock(SandboxOptions.builder().port(0).inMemory().seed(7)
                .exotelLimits(exotelLimits), time).build());
        ContactsClient.Builder builder = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.none());
        if (exotelLimits) {
            builder.readsPerMinute(ContactsClient.EXOTEL_READS_PER_MINUTE).clock(time).sleeper(time::sleep);
        }
        client = builder.build();
    }

    Mirror openMirror() {
        return new MirrorFiles(data, time).open(sandbox.connectionSettings());
    }

    MirrorSync sync(Mirror mirror, ReadGate gate) {
        return new MirrorSync(mirror, ContactPages.of(client), gate, time);
    }

    MirrorSync sync(Mirror mirror) {
        return sync(mirror, ReadGate.unlimited());
    }

    /** Creates {@code count} contacts numbered +9198100xxxxx, named Person N, tagged by tens. */
    List<Contact> seed(int count) {
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(NewContact.builder(String.format("+9198100%05d", i)).firstName("Person" + i)
                    .lastName("Family" + (i % 7)).companyName("Company " + (i % 3)).email("p" + i + "@example.com")
                    .tag("tag" + (i / 10)).customField(JsonParser.parseString("{\"city\":\"City" + i + "\"}")).build());
        }
        return client.createContacts(contacts).successes().stream().map(outcome -> outcome.value()).toList();
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }

    /** A clock that ticks a millisecond per read and jumps when slept on. */
    static final class FakeTime extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-30T10:00:00Z").toEpochMilli());

        void sleep(Duration duration) {
            millis.addAndGet(Math.max(1, duration.toMillis()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.incrementAndGet();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
