package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.ThrottledException;
import org.dialbook.sandbox.SandboxRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync against the in-process sandbox: full, killed and resumed, incremental, budgeted. */
class MirrorSyncTest {
    @TempDir
    Path data;
    MirrorFixture fixture;

    @BeforeEach
    void start() {
        fixture = new MirrorFixture(data);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fullSyncMirrorsEveryContactWithProgress() {
        fixture.seed(95);
        List<SyncProgress> progress = new ArrayList<>();
        try (Mirror mirror = fixture.openMirror()) {
            MirrorSync.Result result = fixture.sync(mirror).run(MirrorSync.Mode.FULL, progress::add, () -> false);
            assertThat(result.mirrored()).isEqualTo(95);
            assertThat(result.complete()).isTrue();
            assertThat(result.reads()).isEqualTo(5);
            assertThat(mirror.status().coverage()).isEmpty();
            assertThat(mirror.status().lastSyncedAt()).isPresent();
        }
        assertThat(progress).extracting(SyncProgress::done).containsExactly(20L, 40L, 60L, 80L, 95L);
        assertThat(progress.get(1).describe()).startsWith("Indexing your contacts: 40 of 95, ");
    }

    @Test
    void aKilledFullSyncResumesWhereItStopped() {
        fixture.seed(100);
        try (Mirror mirror = fixture.openMirror()) {
            List<SyncProgress> seen = new ArrayList<>();
            assertThatThrownBy(() -> fixture.sync(mirror).run(MirrorSync.Mode.FULL, p -> {
                seen.add(p);
                if (seen.size() == 3) {
                    throw new IllegalStateException("killed");
                }
            }, () -> false)).hasMessage("killed");
            assertThat(mirror.size()).isEqualTo(60);
            assertThat(mirror.status().coverage()).contains("searched 60 of 100 contacts; indexing…");
        }
        try (Mirror reopened = fixture.openMirror()) {
            MirrorSync.Result result = fixture.sync(reopened).run(MirrorSync.Mode.INCREMENTAL, p -> { }, () -> false);
            assertThat(result.reads()).as("only the two pages not read before the kill").isEqualTo(2);
            assertThat(result.mirrored()).isEqualTo(100);
            assertThat(result.complete()).isTrue();
        }
    }

    @Test
    void outsideCreatesEditsAndDeletesAppearChangeAndVanish() {
        List<Contact> seeded = fixture.seed(30);
        try (Mirror mirror = fixture.openMirror()) {
            MirrorSync sync = fixture.sync(mirror);
            sync.run(MirrorSync.Mode.FULL, p -> { }, () -> false);

            fixture.client.createContacts(List.of(NewContact.builder("+919845012345").firstName("Outsider").build()));
            fixture.client.updateContact(seeded.get(4).sid(), ContactPatch.empty().with(ContactField.COMPANY_NAME,
                    "Renamed Ltd"));
            fixture.client.deleteContact(seeded.get(9).sid());

            MirrorSync.Result result = sync.run(MirrorSync.Mode.INCREMENTAL, p -> { }, () -> false);

            assertThat(mirror.search(MirrorQuery.text("98450"), 0, 20)).extracting(Contact::firstName)
                    .containsExactly("Outsider");
            assertThat(mirror.get(seeded.get(4).sid())).get().extracting(Contact::companyName).isEqualTo("Renamed Ltd");
            assertThat(mirror.get(seeded.get(9).sid())).isEmpty();
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.mirrored()).isEqualTo(30);
        }
    }

    @Test
    void newContactsComeNewestFirstUntilTheLastOneSeen() {
        fixture.seed(45);
        try (Mirror mirror = fixture.openMirror()) {
            MirrorSync sync = fixture.sync(mirror);
            sync.run(MirrorSync.Mode.FULL, p -> { }, () -> false);
            List<NewContact> more = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                more.add(NewContact.builder("+91700000" + String.format("%04d", i)).firstName("Late" + i).build());
            }
            fixture.client.createContacts(more);
            sync.run(MirrorSync.Mode.INCREMENTAL, p -> { }, () -> false);
            assertThat(mirror.size()).isEqualTo(70);
            // Written oldest first, so the mirror's order is still date created.
            assertThat(mirror.search(MirrorQuery.text("late"), 0, 3)).extracting(Contact::firstName)
                    .containsExactly("Late0", "Late1", "Late2");
        }
    }

    @Test
    void theReadBudgetHoldsUnderExotelLimitsWithZero429s() {
        fixture.seed(400);
        fixture.sandbox.faults().throttlePerMinute(ReadGate.EXOTEL_READS_PER_MINUTE);
        try (Mirror mirror = fixture.openMirror()) {
            // The client never retries here, so a single 429 would end the sync with an exception.
            ReadGate gate = ReadGate.perMinute(150, fixture.time, fixture.time::sleep);
            MirrorSync.Result result = fixture.sync(mirror, gate).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
            assertThat(result.mirrored()).isEqualTo(400);
            assertThat(result.reads()).isEqualTo(20);
        }
    }

    @Test
    void underExotelLimitsTheSyncTakesHalfTheClientsReadBudgetAndTheUsersReadsNeverWait(@TempDir Path own) {
        try (MirrorFixture limited = new MirrorFixture(own, true); Mirror mirror = limited.openMirror()) {
            limited.seed(4000);
            ReadGate gate = ReadGate.forClient(limited.client, ReadGate.DEFAULT_SHARE_PERCENT);
            assertThat(gate.limited()).isTrue();
            Instant began = limited.time.instant();
            // The client never retries here, so a single 429 would end the sync with an exception.
            MirrorSync.Result result = limited.sync(mirror, gate).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
            assertThat(result.mirrored()).isEqualTo(4000);
            assertThat(result.reads()).isEqualTo(200);
            List<Instant> syncReads = limited.sandbox.requests().stream().filter(r -> r.method().equals("GET"))
                    .map(SandboxRequest::at).toList();
            assertThat(mostInAMinute(syncReads)).as("the sync's share: 50% of 300 a minute").isLessThanOrEqualTo(150);
            assertThat(Duration.between(began, limited.time.instant())).as("200 reads at 150 a minute")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(79));

            // Right after the sync, the user's own 150 clicks fit in what it left: no wait, no 429.
            Instant clicks = limited.time.instant();
            for (int i = 0; i < 150; i++) {
                limited.client.listContacts(ListQuery.firstPage().withOffset(i));
            }
            assertThat(Duration.between(clicks, limited.time.instant())).isLessThan(Duration.ofSeconds(1));
            assertThat(limited.sandbox.requests()).extracting(SandboxRequest::status).doesNotContain(429);
        }
    }

    private static int mostInAMinute(List<Instant> times) {
        int most = 0;
        for (int first = 0; first < times.size(); first++) {
            int last = first;
            while (last < times.size() && times.get(last).isBefore(times.get(first).plusSeconds(60))) {
                last++;
            }
            most = Math.max(most, last - first);
        }
        return most;
    }

    @Test
    void withoutTheBudgetTheSameThrottleAnswers429() {
        fixture.seed(200);
        fixture.sandbox.faults().throttlePerMinute(5);
        try (Mirror mirror = fixture.openMirror()) {
            assertThatThrownBy(() -> fixture.sync(mirror).run(MirrorSync.Mode.FULL, p -> { }, () -> false))
                    .isInstanceOf(ThrottledException.class);
            assertThat(mirror.size()).as("pages read before the 429 are kept").isEqualTo(100);
        }
    }

    @Test
    void aCorruptFileIsSetAsideNamedAndRebuilt() throws Exception {
        fixture.seed(25);
        Path file = new MirrorFiles(data, fixture.time).fileFor(fixture.sandbox.connectionSettings());
        Files.createDirectories(file.getParent());
        Files.write(file, "this is not a database, it is a shopping list".repeat(200).getBytes());
        try (Mirror mirror = fixture.openMirror()) {
            assertThat(mirror.setAsideNotice()).get().asString()
                    .contains("could not be used").contains("moved to").contains(".unreadable-");
            fixture.sync(mirror).run(MirrorSync.Mode.INCREMENTAL, p -> { }, () -> false);
            assertThat(mirror.size()).isEqualTo(25);
        }
        try (var aside = Files.list(file.getParent())) {
            assertThat(aside.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.contains(".unreadable-"));
        }
    }

    @Test
    void aForeignSqliteFileIsSetAsideToo() throws Exception {
        Path file = new MirrorFiles(data, fixture.time).fileFor(fixture.sandbox.connectionSettings());
        Files.createDirectories(file.getParent());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE recipes (name TEXT)");
        }
        try (Mirror mirror = fixture.openMirror()) {
            assertThat(mirror.setAsideNotice()).get().asString().contains("not a Dialbook mirror");
            assertThat(mirror.size()).isZero();
        }
    }

    @Test
    void aGoodFileReopensWithoutNotice() {
        fixture.seed(3);
        try (Mirror mirror = fixture.openMirror()) {
            fixture.sync(mirror).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
        }
        try (Mirror mirror = fixture.openMirror()) {
            assertThat(mirror.setAsideNotice()).isEmpty();
            assertThat(mirror.size()).isEqualTo(3);
        }
    }
}
