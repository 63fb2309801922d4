package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contacts ViewModel with the account's mirror, against a real sandbox, on the test thread. */
class MirrorInTheTableTest {
    @TempDir
    Path data;
    private SandboxFixture sandbox;
    private List<Contact> seeded;
    private RecordingDialogService dialogs;
    private final List<Mirror> mirrors = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start();
        seeded = sandbox.reset(45);
        dialogs = new RecordingDialogService();
    }

    @AfterEach
    void stop() {
        mirrors.forEach(Mirror::close);
        sandbox.close();
    }

    private Mirror mirror(SandboxServer server) {
        Mirror mirror = new MirrorFiles(data, Clock.systemUTC()).open(server.connectionSettings());
        mirrors.add(mirror);
        return mirror;
    }

    private ContactsViewModel viewModel(ContactsClient client, Mirror mirror, CurrentThreadTaskExecutor executor) {
        ContactsViewModel viewModel = new ContactsViewModel(client, executor, dialogs, "IN");
        viewModel.attachMirror(mirror, ContactPages.of(client), ReadGate.unlimited(), Clock.systemUTC());
        viewModel.start();
        return viewModel;
    }

    @Test
    void aNumberFragmentInTheSearchBoxFindsTheContactWithTheExactCount() {
        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel viewModel = viewModel(sandbox.client, mirror(sandbox.server), executor);
        executor.runTimers();
        assertThat(viewModel.mirrorSync().statusProperty().get()).isEqualTo("Synced just now");

        viewModel.searchTextProperty().set("98100-00017");
        executor.runTimers();
        executor.runTimers();
        assertThat(viewModel.rows()).extracting(row -> row.contact().firstName()).containsExactly("Alpha17");
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(1);

        viewModel.searchTextProperty().set("acme");
        executor.runTimers();
        executor.runTimers();
        assertThat(viewModel.rows()).hasSize(20);
        assertThat(viewModel.pages().totalProperty().get()).as("the exact count, not the provisional one").isEqualTo(45);
        assertThat(viewModel.pages().pageCountProperty().get()).isEqualTo(3);
        viewModel.pages().last();
        executor.runTimers();
        assertThat(viewModel.rows()).hasSize(5);
        assertThat(viewModel.pages().coverageProperty().get()).isEmpty();
    }

    @Test
    void theFirstPagePaintsFromTheMirrorAndTheLivePageReplacesItWithoutAChange() {
        Mirror mirror = mirror(sandbox.server);
        syncFully(mirror, sandbox.client);

        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel viewModel = new ContactsViewModel(sandbox.client, executor, dialogs, "IN");
        viewModel.pages().setMirror(mirror);
        int[] pageChanges = {0};
        viewModel.pages().pageProperty().addListener((obs, old, now) -> pageChanges[0]++);
        viewModel.start();
        assertThat(viewModel.pages().loadedProperty().get()).as("the network has not answered").isFalse();
        assertThat(viewModel.rows()).hasSize(20);
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha00");
        assertThat(pageChanges[0]).isEqualTo(1);

        executor.runTimers();
        assertThat(viewModel.pages().loadedProperty().get()).isTrue();
        assertThat(pageChanges[0]).as("an unchanged live page does not repaint the table").isEqualTo(1);
    }

    private static void syncFully(Mirror mirror, ContactsClient client) {
        new MirrorSync(mirror, ContactPages.of(client), ReadGate.unlimited(), Clock.systemUTC())
                .run(MirrorSync.Mode.FULL, p -> { }, () -> false);
    }

    @Test
    void withTheServerStoppedTheTableOpensReadOnlyOnTheMirrorAndReconnectsOnRetry() {
        // By hand: a second sandbox that the test stops and starts again on the same port.
        SandboxServer own = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        ContactsClient ownClient = ContactsClient.builder(own.connectionSettings()).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).build();
        ownClient.createContacts(List.of(NewContact.builder("+919845012345").firstName("Cached")
                .build()));
        Mirror mirror = mirror(own);
        syncFully(mirror, ownClient);
        int port = own.port();
        own.close();

        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel viewModel = viewModel(ownClient, mirror, executor);
        executor.runTimers();

        assertThat(viewModel.rows()).extracting(row -> row.contact().firstName()).containsExactly("Cached");
        assertThat(viewModel.editsDisabledProperty().get()).isTrue();
        assertThat(viewModel.offline().bannerProperty().get())
                .matches("Offline: showing contacts as of \\d\\d:\\d\\d\\. Edits are disabled");
        assertThat(viewModel.pages().errorProperty().get()).isEmpty();
        assertThat(viewModel.mirrorSync().statusProperty().get()).startsWith("Not synced: ");

        viewModel.commitEdit(viewModel.rows().get(0), ContactField.FIRST_NAME, "Changed");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Not changed: ")
                .contains("edits are disabled");
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Cached");

        viewModel.searchTextProperty().set("45012");
        executor.runTimers();
        executor.runTimers();
        assertThat(viewModel.rows()).extracting(row -> row.contact().firstName()).containsExactly("Cached");
        viewModel.searchTextProperty().set("");
        executor.runTimers();
        executor.runTimers();

        SandboxServer back = SandboxServer.start(SandboxOptions.builder().port(port).inMemory().build());
        try {
            viewModel.offline().retry();
            executor.runTimers();
            assertThat(viewModel.editsDisabledProperty().get()).isFalse();
            assertThat(viewModel.offline().bannerProperty().get()).isEmpty();
        } finally {
            ownClient.close();
            back.close();
        }
    }

    @Test
    void newContactWarnsAboutANumberAlreadyInTheBook() {
        Mirror mirror = mirror(sandbox.server);
        syncFully(mirror, sandbox.client);
        DuplicateNumberViewModel duplicates = new DuplicateNumberViewModel(mirror, new CurrentThreadTaskExecutor(),
                "IN", null);

        duplicates.check("98100 00005");
        assertThat(duplicates.warningProperty().get())
                .isEqualTo("+919810000005 is already in the book: Alpha05 Iyer (+919810000005). "
                        + "A campaign would dial it twice.");
        assertThat(duplicates.existingProperty().get().sid()).isEqualTo(seeded.get(5).sid());

        duplicates.check("+91 98123 45678");
        assertThat(duplicates.warningProperty().get()).isEmpty();
        assertThat(duplicates.existingProperty().get()).isNull();

        DuplicateNumberViewModel editingItself = new DuplicateNumberViewModel(mirror, new CurrentThreadTaskExecutor(),
                "IN", seeded.get(5).sid());
        editingItself.check("+919810000005");
        assertThat(editingItself.warningProperty().get()).isEmpty();
    }

    @Test
    void anInlineNumberEditToAnotherContactsNumberAsksFirst() {
        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel viewModel = viewModel(sandbox.client, mirror(sandbox.server), executor);
        executor.runTimers();
        dialogs.answering(false);
        ContactRow first = viewModel.rows().get(0);
        viewModel.commitEdit(first, ContactField.NUMBER, "+91 98100 00003");
        assertThat(dialogs.questions()).singleElement().asString().startsWith("Same number as another contact: "
                + "+919810000003 already belongs to Alpha03 Rao (+919810000003).");
        assertThat(sandbox.client.getContact(first.sid()).number()).isEqualTo("+919810000000");
    }
}
