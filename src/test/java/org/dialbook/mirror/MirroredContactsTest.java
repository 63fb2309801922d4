package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.Page;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.exporter.ExportListener;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportResult;
import org.dialbook.exporter.ExportScope;
import org.dialbook.contact.PhoneRule;
import org.dialbook.jobs.CancelToken;
import org.dialbook.importer.ExistingNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-book jobs on the mirror: the import's duplicate check reads it after an incremental sync. */
class MirroredContactsTest {
    @TempDir
    Path data;
    MirrorFixture fixture;
    Mirror mirror;
    CountingApi live;

    @BeforeEach
    void start() {
        fixture = new MirrorFixture(data);
        fixture.seed(60);
        mirror = fixture.openMirror();
        fixture.sync(mirror).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
        live = new CountingApi(fixture.client);
    }

    @AfterEach
    void stop() {
        mirror.close();
        fixture.close();
    }

    @Test
    void theImportsDuplicateCheckReadsTheMirrorAfterAnIncrementalSync() {
        fixture.client.createContacts(List.of(NewContact.of("+919845099999")));
        MirroredContacts mirrored = new MirroredContacts(live, mirror, ReadGate.unlimited(), fixture.time);

        PhoneRule phones = new PhoneRule("IN");
        ExistingNumbers existing = ExistingNumbers.load(mirrored, phones, CancelToken.none(), seen -> { });

        assertThat(existing.sidFor(phones.keyOf("+919845099999"))).as("created elsewhere since the last sync").isNotNull();
        assertThat(existing.sidFor(phones.keyOf("+919810000042"))).isNotNull();
        assertThat(live.streams.get()).as("the account was not walked").isZero();
        assertThat(live.lists.get()).as("the newest page and the sweep, not 4 pages of the walk").isLessThanOrEqualTo(5);
    }

    @Test
    void writesThroughItUpdateTheMirrorFromTheServersAnswers() {
        MirroredContacts mirrored = new MirroredContacts(live, mirror, ReadGate.unlimited(), fixture.time);
        Contact created = mirrored.createContacts(List.of(NewContact.of("+919845077777"))).successes().get(0).value();
        assertThat(mirror.withNumber("+919845077777")).extracting(Contact::sid).containsExactly(created.sid());

        mirrored.updateContact(created.sid(), ContactPatch.empty().with(ContactField.TAG, "fresh"));
        assertThat(mirror.count(MirrorQuery.text(null).withTag("fresh"))).isEqualTo(1);

        mirrored.deleteContact(created.sid());
        assertThat(mirror.get(created.sid())).isEmpty();
    }

    @Test
    void anExportOfASearchWritesWhatTheSearchBoxFinds() throws Exception {
        MirroredContacts mirrored = new MirroredContacts(live, mirror, ReadGate.unlimited(), fixture.time);
        Path csv = data.resolve("found.csv");
        ExportResult result = new ContactExporter(mirrored).export(
                ExportScope.search("98100-0004"), csv,
                new ExportOptions(false, true), ExportListener.NONE,
                new CancelToken());
        assertThat(result.contacts()).isEqualTo(10);
        assertThat(Files.readString(csv)).contains("+919810000040", "+919810000049")
                .doesNotContain("+919810000050");
        assertThat(live.lists.get() + live.streams.get()).as("nothing read from the API").isZero();
    }

    @Test
    void anExportOfAChipFilteredSearchStreamsTheMirrorSearchAsShown() throws Exception {
        Path csv = data.resolve("chip.csv");
        MirrorQuery search = MirrorQuery.text("98").withTag("TAG4").sortedBy(MirrorSort.NUMBER, true);
        ExportResult result = new ContactExporter(live).export(
                ExportScope.streamed("contacts tagged tag4 matching \"98\"", mirror.count(search),
                        () -> mirror.streamSearch(search, 0)),
                csv, new ExportOptions(false, true), ExportListener.NONE, new CancelToken());
        assertThat(result.contacts()).isEqualTo(10);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(1)).contains("+919810000049");
        assertThat(lines.get(10)).contains("+919810000040");
        assertThat(live.lists.get() + live.streams.get()).as("nothing read from the API").isZero();
    }

    @Test
    void anIncompleteMirrorLeavesTheWalkToTheServer() throws Exception {
        try (Mirror empty = new MirrorFiles(data.resolve("other"), fixture.time).open(fixture.sandbox.connectionSettings())) {
            MirroredContacts mirrored = new MirroredContacts(live, empty, ReadGate.unlimited(), fixture.time);
            try (Stream<Contact> all = mirrored.streamContacts(ListQuery.firstPage())) {
                assertThat(all.count()).isEqualTo(60);
            }
            assertThat(live.streams.get()).isEqualTo(1);
        }
    }

    /** The real client, counting the calls that read the account. */
    static final class CountingApi implements ContactsApi {
        final ContactsApi real;
        final AtomicInteger lists = new AtomicInteger();
        final AtomicInteger streams = new AtomicInteger();

        CountingApi(ContactsApi real) {
            this.real = real;
        }

        @Override
        public BulkResult<Contact> createContacts(List<NewContact> contacts) {
            return real.createContacts(contacts);
        }

        @Override
        public Contact updateContact(String sid, ContactPatch patch) {
            return real.updateContact(sid, patch);
        }

        @Override
        public BulkResult<Contact> updateContacts(List<ContactUpdate> updates) {
            return real.updateContacts(updates);
        }

        @Override
        public Contact getContact(String sid) {
            return real.getContact(sid);
        }

        @Override
        public Page<Contact> listContacts(ListQuery query) {
            lists.incrementAndGet();
            return real.listContacts(query);
        }

        @Override
        public Contact deleteContact(String sid) {
            return real.deleteContact(sid);
        }

        @Override
        public Stream<Contact> streamContacts(ListQuery query) {
            streams.incrementAndGet();
            return real.streamContacts(query);
        }
    }
}
